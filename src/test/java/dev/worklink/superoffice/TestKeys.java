package dev.worklink.superoffice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RSA key pairs, PEM files and JWTs for the SuperOffice tests. */
final class TestKeys {

    private static KeyPair pair;

    private TestKeys() {}

    static synchronized KeyPair pair() {
        if (pair == null) {
            pair = generate();
        }
        return pair;
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as a PKCS#8 PEM file ({@code BEGIN PRIVATE KEY}). */
    static Path writePkcs8(Path file, KeyPair keys) throws IOException {
        return writePem(file, "PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    static Path writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n", StandardCharsets.US_ASCII);
        return file;
    }

    /** An unsigned-looking JWT whose payload is this JSON. */
    static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    static String jwtWithTicket(String ticket) {
        return jwt("{\"" + SystemUserTicketSource.TICKET_CLAIM + "\":\"" + ticket + "\",\"http://schemes.superoffice.net/identity/ctx\":\"Cust12345\"}");
    }
}
