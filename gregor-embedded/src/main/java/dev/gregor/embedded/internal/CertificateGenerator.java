package dev.gregor.embedded.internal;

import dev.gregor.embedded.EmbeddedKafkaException;
import dev.gregor.embedded.TlsMaterial;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates a throw-away CA, broker and client certificate (EC P-256, valid one year). */
public final class CertificateGenerator {
  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateGenerator() {}

  /** Generates the material and writes it as PEM files into {@code directory}. */
  public static TlsMaterial generate(Path directory) {
    try {
      KeyPair caKeys = newKeyPair();
      X500Name caName = new X500Name("CN=Gregor Embedded Kafka CA");
      X509CertificateHolder ca = sign(builder(caName, caName, caKeys)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)), caKeys.getPrivate());

      KeyPair brokerKeys = newKeyPair();
      X509CertificateHolder broker = sign(builder(caName, new X500Name("CN=localhost"), brokerKeys)
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.iPAddress, "::1")}))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth})), caKeys.getPrivate());

      KeyPair clientKeys = newKeyPair();
      X509CertificateHolder client = sign(builder(caName, new X500Name("CN=gregor-client"), clientKeys)
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)),
          caKeys.getPrivate());

      TlsMaterial material = new TlsMaterial(
          pem("CERTIFICATE", ca.getEncoded()),
          pem("CERTIFICATE", broker.getEncoded()),
          pem("PRIVATE KEY", brokerKeys.getPrivate().getEncoded()),
          pem("CERTIFICATE", client.getEncoded()),
          pem("PRIVATE KEY", clientKeys.getPrivate().getEncoded()),
          directory);
      Files.createDirectories(directory);
      write(material.caCertificateFile(), material.caCertificatePem());
      write(directory.resolve("broker.pem"), material.brokerCertificatePem());
      write(directory.resolve("broker-key.pem"), material.brokerPrivateKeyPem());
      write(material.clientCertificateFile(), material.clientCertificatePem());
      write(material.clientPrivateKeyFile(), material.clientPrivateKeyPem());
      return material;
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new EmbeddedKafkaException("Could not generate TLS certificates in " + directory + ": " + e, e);
    }
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(63, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(365))),
        subject, keys.getPublic());
  }

  private static X509CertificateHolder sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
      throws OperatorCreationException {
    return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey));
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.US_ASCII);
  }
}
