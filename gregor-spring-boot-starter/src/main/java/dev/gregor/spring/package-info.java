/**
 * Spring Boot auto-configuration for Gregor: a {@link dev.gregor.client.Gregor} client and the framework's
 * {@link dev.gregor.framework.App} from {@code gregor.*} properties ({@link dev.gregor.spring.GregorProperties}),
 * routes drawn by {@link dev.gregor.spring.GregorRoutes} beans, a health indicator and Micrometer meters. A plain
 * {@code main} stays the primary way to run an app; this module is for applications that already use Boot.
 */
@NullMarked
package dev.gregor.spring;

import org.jspecify.annotations.NullMarked;
