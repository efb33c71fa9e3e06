package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.Listener;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ruby-kafka "GSSAPI": a real Kerberos KDC (Apache Kerby) and a broker of its own whose
 * SASL_PLAINTEXT listener enables GSSAPI with a keytab from that KDC.
 */
class GssapiTest {
  private static final String REALM = "EXAMPLE.COM";
  private static final String CLIENT = "client@" + REALM;
  private static Path dir;
  private static SimpleKdcServer kdc;
  private static EmbeddedKafka kafka;
  private static Path clientKeytab;
  private static final String KRB5_CONF = "java.security.krb5.conf";
  private static String previousKrb5Conf;

  @BeforeAll
  static void startKdcAndBroker() throws Exception {
    dir = Files.createTempDirectory("gregor-kdc");
    kdc = startKdc();
    // Kerberos reads its configuration once per JVM, so the property must be JVM-wide while this
    // class runs; it is put back afterwards, and nothing else in the shared test JVM uses Kerberos.
    previousKrb5Conf = System.setProperty(KRB5_CONF, dir.resolve("krb5.conf").toString());
    Path brokerKeytab = dir.resolve("kafka.keytab");
    kdc.createAndExportPrincipals(brokerKeytab.toFile(), "kafka/localhost@" + REALM);
    clientKeytab = dir.resolve("client.keytab");
    kdc.createAndExportPrincipals(clientKeytab.toFile(), CLIENT);

    kafka = EmbeddedKafka.builder()
        .listeners(Listener.SASL_PLAINTEXT)
        .user("unused", "unused-secret")
        .brokerConfig("sasl.kerberos.service.name", "kafka")
        .brokerConfig("listener.name.sasl_plaintext.sasl.enabled.mechanisms", "GSSAPI")
        .brokerConfig("listener.name.sasl_plaintext.gssapi.sasl.jaas.config",
            "com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true storeKey=true keyTab=\""
                + brokerKeytab + "\" principal=\"kafka/localhost@" + REALM + "\";")
        .start();
  }

  @AfterAll
  static void stopKdcAndBroker() throws Exception {
    if (previousKrb5Conf == null) {
      System.clearProperty(KRB5_CONF);
    } else {
      System.setProperty(KRB5_CONF, previousKrb5Conf);
    }
    if (kafka != null) {
      kafka.close();
    }
    if (kdc != null) {
      kdc.stop();
    }
  }

  @Test
  void aClientWithAKeytabAuthenticatesAndRoundTrips() {
    Config config = Config.builder().seedBrokers(kafka.bootstrapServers(Listener.SASL_PLAINTEXT))
        .sasl(Sasl.gssapi(CLIENT, clientKeytab)).saslOverSsl(false).build();

    try (Gregor gregor = Gregor.connect(config)) {
      gregor.topics().create("kerberized", t -> t.partitions(1));
      gregor.deliverMessage("kerberized", "hello from " + CLIENT);
      assertThat(gregor.fetch("kerberized", 0, Offset.EARLIEST).messages()).extracting(Message::valueAsString)
          .containsExactly("hello from " + CLIENT);
    }
  }

  @Test
  void aPrincipalThatIsNotInTheKeytabFailsNamingTheKerberosLogin() {
    Config config = Config.builder().seedBrokers(kafka.bootstrapServers(Listener.SASL_PLAINTEXT))
        .sasl(Sasl.gssapi("nobody@" + REALM, clientKeytab)).saslOverSsl(false).build();

    assertThatThrownBy(() -> Gregor.connect(config))
        .isInstanceOf(ConnectionFailed.class)
        .hasMessageContaining("Kerberos login as 'nobody@EXAMPLE.COM'")
        .hasMessageContaining(clientKeytab.toString());
  }

  /**
   * Kerby needs its port before it binds, so a free port is chosen, released and bound; another
   * process can take it in between, so a start that fails is tried again on another port.
   */
  private static SimpleKdcServer startKdc() throws Exception {
    for (int attempt = 1; ; attempt++) {
      SimpleKdcServer server = new SimpleKdcServer();
      server.setWorkDir(dir.toFile());
      server.setKdcHost("localhost");
      server.setKdcRealm(REALM);
      server.setAllowUdp(false);
      server.setKdcTcpPort(freePort());
      try {
        server.init();
        server.start();
        return server;
      } catch (Exception e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
