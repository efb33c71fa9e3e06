package dev.gregor.web.internal;

import dev.gregor.web.internal.pages.AppCommands;
import dev.gregor.web.internal.pages.AppPage;
import dev.gregor.web.internal.pages.AppsPage;
import dev.gregor.web.internal.pages.ClusterPages;
import dev.gregor.web.internal.pages.DeadLettersPage;
import dev.gregor.web.internal.pages.GroupPage;
import dev.gregor.web.internal.pages.JobsPage;
import dev.gregor.web.internal.pages.GroupsPage;
import dev.gregor.web.internal.pages.MessageActions;
import dev.gregor.web.internal.pages.MessagesPage;
import dev.gregor.web.internal.pages.OffsetResetForm;
import dev.gregor.web.internal.pages.TopicPage;
import dev.gregor.web.internal.pages.TopicsPage;

/** Every page of the dashboard and its address, in one place. Login and logout are the dispatcher's. */
final class Pages {
  private Pages() {}

  static Router routes() {
    return new Router()
        .get("/", ClusterPages::overview)
        .get("/cluster", ClusterPages::cluster)
        .get("/topics", TopicsPage::list)
        .post("/topics", TopicsPage::create)
        .get("/topics/{}", TopicPage::show)
        .post("/topics/{}/partitions", TopicPage::addPartitions)
        .post("/topics/{}/configs", TopicPage::setConfig)
        .post("/topics/{}/delete", TopicPage::delete)
        .get("/topics/{}/messages", MessagesPage::list)
        .get("/topics/{}/messages/{}/{}/value", MessageActions::download)
        .post("/topics/{}/messages/{}/{}/republish", MessageActions::republish)
        .get("/groups", GroupsPage::list)
        .get("/groups/{}", GroupPage::show)
        .post("/groups/{}/reset", OffsetResetForm::submit)
        .get("/dead-letters", DeadLettersPage::list)
        .get("/dead-letters/{}", DeadLettersPage::show)
        .post("/dead-letters/{}/{}/{}/replay", DeadLettersPage::replay)
        .get("/apps", AppsPage::list)
        .get("/apps/{}", AppPage::show)
        .get("/apps/{}/jobs", JobsPage::show)
        .post("/apps/{}/commands", AppCommands::send);
  }
}
