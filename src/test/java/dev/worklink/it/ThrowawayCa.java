package dev.worklink.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate authority made for one test run with the JDK's own {@code keytool}: a CA, a server certificate for
 * {@code 127.0.0.1} and {@code localhost} signed by it (in {@code server.p12}, with its chain), and a trust store holding
 * only the CA ({@code truststore.p12}). Nothing in the JVM's default trust store knows this CA, so a client trusts the
 * server only when given the trust store.
 */
public final class ThrowawayCa {

    public static final String PASSWORD = "worklink-it";

    private ThrowawayCa() {}

    /** Makes the CA in {@code dir} unless it is there already (several ITs share one); returns {@code dir}. */
    public static synchronized Path make(Object dir) throws IOException, InterruptedException {
        Path d = Path.of(String.valueOf(dir)).toAbsolutePath().normalize();
        if (Files.isRegularFile(d.resolve("truststore.p12")) && Files.isRegularFile(d.resolve("server.p12"))) {
            return d;
        }
        Files.createDirectories(d);
        for (String f : List.of("ca.p12", "ca.pem", "server.p12", "server.csr", "server.pem", "truststore.p12")) {
            Files.deleteIfExists(d.resolve(f));
        }
        keytool(d, "-genkeypair", "-keystore", "ca.p12", "-storetype", "PKCS12", "-alias", "ca", "-dname", "CN=worklink IT throwaway CA",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-ext", "bc:c");
        keytool(d, "-exportcert", "-keystore", "ca.p12", "-alias", "ca", "-rfc", "-file", "ca.pem");
        keytool(d, "-genkeypair", "-keystore", "server.p12", "-storetype", "PKCS12", "-alias", "server", "-dname", "CN=127.0.0.1",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2");
        keytool(d, "-certreq", "-keystore", "server.p12", "-alias", "server", "-file", "server.csr");
        keytool(d, "-gencert", "-keystore", "ca.p12", "-alias", "ca", "-infile", "server.csr", "-outfile", "server.pem", "-rfc",
                "-validity", "2", "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth", "-ext", "ku=digitalSignature,keyEncipherment");
        keytool(d, "-importcert", "-keystore", "server.p12", "-alias", "ca", "-file", "ca.pem", "-noprompt");
        keytool(d, "-importcert", "-keystore", "server.p12", "-alias", "server", "-file", "server.pem", "-noprompt");
        keytool(d, "-importcert", "-keystore", "truststore.p12", "-storetype", "PKCS12", "-alias", "worklink-it-ca", "-file", "ca.pem",
                "-noprompt");
        return d;
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.add("-storepass");
        command.add(PASSWORD);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }
}
