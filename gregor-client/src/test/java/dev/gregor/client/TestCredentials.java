package dev.gregor.client;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** Key material for the security tests, derived from the embedded broker's generated certificates. */
final class TestCredentials {
  private static final String PBE = "PBEWithSHA1AndDESede";

  private TestCredentials() {}

  /** The PKCS#8 PEM key encrypted with {@code password}, as {@code openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES} writes it. */
  static String encrypted(String keyPem, String password) throws Exception {
    SecureRandom random = new SecureRandom();
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    Cipher cipher = Cipher.getInstance(PBE);
    cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(PBE).generateSecret(new PBEKeySpec(password.toCharArray())),
        new PBEParameterSpec(salt, 10_000));
    byte[] encrypted = cipher.doFinal(der(keyPem));
    byte[] info = new EncryptedPrivateKeyInfo(cipher.getParameters(), encrypted).getEncoded();
    return pem("ENCRYPTED PRIVATE KEY", info);
  }

  /** A PKCS12 key store holding the client key and certificate under {@code password}. */
  static Path pkcs12KeyStore(Path directory, String certificatePem, String keyPem, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(keyPem)));
    store.setKeyEntry("client", key, password.toCharArray(), new Certificate[] {certificate(certificatePem)});
    return save(store, directory.resolve("client.p12"), password);
  }

  /** A JKS trust store holding the CA certificate. */
  static Path jksTrustStore(Path directory, String caPem, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("JKS");
    store.load(null, null);
    store.setCertificateEntry("ca", certificate(caPem));
    return save(store, directory.resolve("truststore.jks"), password);
  }

  /** An unsecured JWT ({@code alg: none}) for {@code subject}, as the embedded broker's OAUTHBEARER validator accepts. */
  static String unsecuredJwt(String subject, Duration lifetime) {
    long now = Instant.now().getEpochSecond();
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    String header = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String claims = encoder.encodeToString(("{\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":"
        + (now + lifetime.toSeconds()) + "}").getBytes(StandardCharsets.UTF_8));
    return header + "." + claims + ".";
  }

  private static Certificate certificate(String pem) throws Exception {
    return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static Path save(KeyStore store, Path file, String password) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password.toCharArray());
    }
    return file;
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").trim());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
