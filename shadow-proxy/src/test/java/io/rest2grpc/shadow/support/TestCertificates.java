package io.rest2grpc.shadow.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;

/**
 * A self-signed certificate for 127.0.0.1 made with the JDK's keytool, written as the PEM files the proxy and grpc-java
 * read: the certificate (which is also its own root) and its PKCS#8 private key.
 */
public record TestCertificates(Path certificate, Path privateKey) {
  private static final char[] PASSWORD = "changeit".toCharArray();

  public static TestCertificates create(Path folder, String name) throws IOException, InterruptedException {
    Path store = folder.resolve(name + ".p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
        "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    if (keytool.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, PASSWORD);
      Certificate certificate = keys.getCertificate(name);
      TestCertificates pem = new TestCertificates(folder.resolve(name + ".crt"), folder.resolve(name + ".key"));
      Files.writeString(pem.certificate(), pem("CERTIFICATE", certificate.getEncoded()));
      Files.writeString(pem.privateKey(), pem("PRIVATE KEY", keys.getKey(name, PASSWORD).getEncoded()));
      return pem;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return String.join("\n", List.of("-----BEGIN " + type + "-----", Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der),
        "-----END " + type + "-----", ""));
  }
}
