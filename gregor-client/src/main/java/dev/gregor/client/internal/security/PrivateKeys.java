package dev.gregor.client.internal.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Reads the PKCS#8 PEM keys kafka-clients accepts, plain or password-encrypted, to check them early. */
final class PrivateKeys {
  private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "DSA");

  private PrivateKeys() {}

  static PrivateKey parse(String pem, String password) {
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
      throw new IllegalArgumentException("ssl client key is in PKCS#1/SEC1 form, which kafka-clients cannot read; "
          + "convert it with: openssl pkcs8 -topk8 -in key.pem -out key-pkcs8.pem");
    }
    boolean encrypted = pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    if (!encrypted && !pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException("ssl client key is not a PEM private key: no '-----BEGIN PRIVATE KEY-----' "
          + "or '-----BEGIN ENCRYPTED PRIVATE KEY-----' line");
    }
    if (encrypted && (password == null || password.isEmpty())) {
      throw new IllegalArgumentException("ssl client key is encrypted; give its password as keyPassword");
    }
    byte[] der = der(pem);
    PKCS8EncodedKeySpec spec = encrypted ? decrypt(der, password) : new PKCS8EncodedKeySpec(der);
    for (String algorithm : ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException notThisAlgorithm) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("ssl client key is not an RSA, EC, EdDSA or DSA private key");
  }

  private static byte[] der(String pem) {
    String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ssl client key is malformed PEM: its body is not base64", e);
    }
  }

  private static PKCS8EncodedKeySpec decrypt(byte[] der, String password) {
    try {
      EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
      String algorithm = info.getAlgName();
      if (algorithm.equals("PBES2") || algorithm.startsWith("1.2.840.113549.1.5.13")) {
        algorithm = info.getAlgParameters().toString(); // PBES2 names its real cipher only in its parameters
      }
      SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
      Cipher cipher = Cipher.getInstance(algorithm);
      cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password.toCharArray())), info.getAlgParameters());
      return info.getKeySpec(cipher);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("ssl client key could not be decrypted: wrong keyPassword, or an unsupported "
          + "encryption (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
