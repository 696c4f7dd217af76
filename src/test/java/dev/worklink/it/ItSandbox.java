package dev.worklink.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worklink.sandbox.Sandbox;
import dev.worklink.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The sandbox the invoker ITs share, driven from their setup and verify scripts. It runs in the outer Maven JVM on
 * the port build-helper reserved; scripts reach it only over its admin API, since each script has a class loader
 * of its own.
 */
public final class ItSandbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItSandbox() {}

    /** Starts the sandbox if it does not answer yet, then clears its record and restores its default limits. */
    public static synchronized void reset(Object port) throws Exception {
        int p = Integer.parseInt(String.valueOf(port));
        if (!healthy(p)) {
            Sandbox.start(SandboxOptions.defaults().withPort(p));
        }
        post(p, "/__sandbox/reset", "{}");
    }

    /**
     * Makes the ITs' throwaway CA in {@code tlsDir} (once) and has the sandbox also serve over HTTPS on
     * {@code httpsPort} with its server certificate; see {@link ThrowawayCa}.
     */
    public static void https(Object port, Object httpsPort, Object tlsDir) throws Exception {
        Path dir = ThrowawayCa.make(tlsDir);
        post(Integer.parseInt(String.valueOf(port)), "/__sandbox/https", JSON.writeValueAsString(Map.of(
                "port", Integer.parseInt(String.valueOf(httpsPort)), "keyStore", dir.resolve("server.p12").toString(),
                "password", ThrowawayCa.PASSWORD)));
    }

    public static void attachmentLimit(Object port, long bytes) throws Exception {
        post(Integer.parseInt(String.valueOf(port)), "/__sandbox/attachment-limit", "{\"bytes\":" + bytes + "}");
    }

    /** Words IPD attachment list entries as the doc page does ({@code 'doc'}) or as the official SDKs do ({@code 'sdk'}). */
    public static void listShape(Object port, String shape) throws Exception {
        post(Integer.parseInt(String.valueOf(port)), "/__sandbox/list-shape", "{\"shape\":\"" + shape + "\"}");
    }

    /** AK/SK-signed CodeArts calls must carry a signed X-Project-Id naming the sandbox account's project, until the next reset. */
    public static void requireProjectId(Object port, boolean required) throws Exception {
        post(Integer.parseInt(String.valueOf(port)), "/__sandbox/require-project-id", "{\"required\":" + required + "}");
    }

    public static void misbehave(Object port, String json) throws Exception {
        post(Integer.parseInt(String.valueOf(port)), "/__sandbox/misbehave", json);
    }

    /**
     * Registers an RSA public key (PEM {@code -----BEGIN PUBLIC KEY-----} or base64 X.509) whose private key signs
     * SuperOffice system user logins, until the next reset.
     */
    public static void superOfficePublicKey(Object port, String publicKey) throws Exception {
        post(Integer.parseInt(String.valueOf(port)), "/__sandbox/superoffice-public-key",
                JSON.writeValueAsString(Map.of("publicKey", publicKey)));
    }

    /**
     * The image the sandbox stores for a SuperOffice entity: {@code GET <path>} with these headers (name, value, ...),
     * e.g. {@code superOfficeImage(port, '/SuperOffice/api/v1/Project/4711/Image', 'Authorization', 'Basic ...')}.
     */
    public static byte[] superOfficeImage(Object port, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return r.body();
    }

    /**
     * The text of {@code GET <path>} with these headers (name, value, ...), e.g. a list call with the ready token; the
     * call is recorded as any other.
     */
    public static String getText(Object port, String path, String... headers) throws Exception {
        return new String(superOfficeImage(port, path, headers), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What the sandbox received since the last reset, as JSON objects. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> records(Object port) throws Exception {
        String body = get(Integer.parseInt(String.valueOf(port)), "/__sandbox/record");
        return JSON.readValue(body, List.class);
    }

    /** The CodeArts Req attachments the sandbox stored since the last reset: {@code id, projectId, issueId, fileName, size, sha256}. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> storedAttachments(Object port) throws Exception {
        return JSON.readValue(get(Integer.parseInt(String.valueOf(port)), "/__sandbox/attachments"), List.class);
    }

    /** The IAM tokens the sandbox issued, to check that none leaks into a log. */
    @SuppressWarnings("unchecked")
    public static List<String> issuedTokens(Object port) throws Exception {
        return JSON.readValue(get(Integer.parseInt(String.valueOf(port)), "/__sandbox/tokens"), List.class);
    }

    /**
     * The attachments the sandbox holds for an IPD work item, as its list call answers them ({@code id}, {@code file_name},
     * {@code file_size}, ...), read with the sandbox's ready token. The list call is recorded like any other.
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> ipdAttachments(Object port, String projectId, String issueId) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v1/ipdprojectservice/projects/" + projectId + "/attachments?issue_id=" + issueId))
                .header("X-Auth-Token", dev.worklink.sandbox.SandboxCredentials.READY_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("the IPD list call answered " + r.statusCode() + ": " + r.body());
        }
        return (List<Map<String, Object>>) JSON.readValue(r.body(), Map.class).get("result");
    }

    /**
     * The sandbox's identity provider and what federation issued since the last reset:
     * {@code {idpId, clientId, idToken, unscopedTokens, temporaryKeys: [{access, secret, securitytoken, expires_at}]}}.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> federation(Object port) throws Exception {
        return JSON.readValue(get(Integer.parseInt(String.valueOf(port)), "/__sandbox/federation"), Map.class);
    }

    /**
     * Every secret of keyless CI an IT's log and reports must not hold: the accepted ID token (JWT), the unscoped tokens
     * and the temporary secret keys and security tokens issued since the last reset, and the sandbox's fixed temporary
     * secret and security token.
     */
    @SuppressWarnings("unchecked")
    public static List<String> federationSecrets(Object port) throws Exception {
        Map<String, Object> state = federation(port);
        List<String> secrets = new java.util.ArrayList<>();
        secrets.add((String) state.get("idToken"));
        secrets.addAll((List<String>) state.get("unscopedTokens"));
        for (Map<String, Object> key : (List<Map<String, Object>>) state.get("temporaryKeys")) {
            secrets.add((String) key.get("secret"));
            secrets.add((String) key.get("securitytoken"));
        }
        secrets.add(dev.worklink.sandbox.SandboxCredentials.TEMPORARY_SECRET_KEY);
        secrets.add(dev.worklink.sandbox.SandboxCredentials.SECURITY_TOKEN);
        return secrets;
    }

    /**
     * What every keyless IT checks of its two-module build (modules a and b, one jar each): exactly one exchange (one
     * call of each IAM step, one set of temporary keys) before the first CodeArts call; both jars uploaded intact; every
     * CodeArts call signed with those keys and their security token; neither the log nor any report holding the JWT,
     * the unscoped token, the temporary secret or the security token.
     *
     * @return the build log, for the checks of the IT's own credential source
     */
    @SuppressWarnings("unchecked")
    public static String checkOneFederatedTwoModuleBuild(Object port, java.io.File basedir) throws Exception {
        check(recordsTo(port, "/v3.0/OS-AUTH/id-token/tokens").size() == 1, "expected one CreateTokenWithIdToken call: " + recordsTo(port, "/v3.0/"));
        check(recordsTo(port, "/v3.0/OS-CREDENTIAL/securitytokens").size() == 1, "expected one CreateTemporaryAccessKeyByToken call");
        List<Map<String, Object>> keys = (List<Map<String, Object>>) federation(port).get("temporaryKeys");
        check(keys.size() == 1, "expected one set of temporary keys, got " + keys.size());
        Object access = keys.get(0).get("access");
        List<Map<String, Object>> uploads = recordsTo(port, "/attachments/upload");
        check(uploads.size() == 2, "expected one upload per module, got " + uploads.size());
        for (String m : List.of("a", "b")) {
            String jar = "module-" + m + "-1.0.jar";
            Map<String, Object> upload = uploads.stream()
                    .filter(u -> jar.equals(((List<Map<String, Object>>) u.get("parts")).get(0).get("fileName"))).findFirst().orElse(null);
            check(upload != null && Integer.valueOf(200).equals(upload.get("status")), "module " + m + "'s jar was not uploaded: " + uploads);
            check(sha256(basedir.toPath().resolve(m + "/target/" + jar)).equals(((List<Map<String, Object>>) upload.get("parts")).get(0).get("sha256")),
                    "module " + m + "'s jar did not arrive intact");
        }
        List<Map<String, Object>> all = records(port);
        List<Map<String, Object>> codeArts = all.stream()
                .filter(r -> !String.valueOf(r.get("path")).startsWith("/v3") && !String.valueOf(r.get("path")).startsWith("/github")).toList();
        check(codeArts.size() >= 2 && codeArts.stream().allMatch(r -> ("temporary:" + access).equals(r.get("authenticatedAs"))
                        && "***".equals(((Map<String, Object>) r.get("headers")).get("x-security-token"))),
                "every CodeArts call must be signed with the temporary keys and their security token: "
                        + codeArts.stream().map(r -> r.get("path") + " " + r.get("authenticatedAs")).toList());
        List<String> paths = all.stream().map(r -> String.valueOf(r.get("path"))).toList();
        int firstAttachmentCall = java.util.stream.IntStream.range(0, paths.size()).filter(i -> paths.get(i).contains("/attachments")).findFirst().orElse(-1);
        check(paths.indexOf("/v3.0/OS-CREDENTIAL/securitytokens") < firstAttachmentCall, "exchange after a CodeArts call: " + paths);
        String log = Files.readString(basedir.toPath().resolve("build.log"));
        List<String> secrets = federationSecrets(port);
        check(secrets.size() >= 4, "the sandbox must have issued the secrets this check looks for");
        for (String secret : secrets) {
            check(!log.contains(secret), "a federation secret appears in the log: " + secret.substring(0, Math.min(6, secret.length())) + "…");
        }
        List<Path> reports;
        try (var files = Files.walk(basedir.toPath())) {
            reports = files.filter(f -> f.getFileName().toString().endsWith(".json") && f.toString().contains("worklink")).toList();
        }
        check(reports.size() >= 2, "expected a report per module, found " + reports);
        for (Path report : reports) {
            String text = Files.readString(report);
            for (String secret : secrets) {
                check(!text.contains(secret), "a federation secret in the report " + report);
            }
        }
        return log;
    }

    /**
     * What the attachAtEnd ITs (serial and {@code -T 2}) check of their three-module build (modules a, b, c, one jar
     * each, work item 956239067176935402 of project 0123456789abcdef0123456789abcde2): three uploads, each jar intact
     * on that work item; each module's own report lists its jar with a distinct id, the parent's report none; one IAM
     * call; one upload phase, after the last module was built.
     */
    @SuppressWarnings("unchecked")
    public static void checkThreeModulesAttachedAtEnd(Object port, java.io.File basedir) throws Exception {
        String project = "0123456789abcdef0123456789abcde2";
        String issue = "956239067176935402";
        String uploadPath = "/v1/ipdprojectservice/projects/" + project + "/issues/" + issue + "/attachments/upload";
        List<Map<String, Object>> uploads = recordsTo(port, "/attachments/upload");
        check(uploads.size() == 3, "expected 3 uploads, got " + uploads.size());
        check(uploads.stream().allMatch(u -> "POST".equals(u.get("method")) && uploadPath.equals(u.get("path")) && Integer.valueOf(200).equals(u.get("status"))),
                "every upload goes to work item " + issue + " of project " + project + ": "
                        + uploads.stream().map(u -> List.of(u.get("method"), u.get("path"), u.get("status"))).toList());
        List<Object> ids = new java.util.ArrayList<>();
        for (String m : List.of("a", "b", "c")) {
            String jar = "module-" + m + "-1.0.jar";
            Path file = basedir.toPath().resolve(m + "/target/" + jar);
            Map<String, Object> upload = uploads.stream()
                    .filter(u -> jar.equals(((List<Map<String, Object>>) u.get("parts")).get(0).get("fileName"))).findFirst().orElse(null);
            List<Map<String, Object>> parts = upload == null ? List.of() : (List<Map<String, Object>>) upload.get("parts");
            check(upload != null && parts.size() == 1 && "attachment".equals(parts.get(0).get("field")),
                    "module " + m + "'s jar was not uploaded as the field 'attachment'");
            check(((Number) parts.get(0).get("size")).longValue() == Files.size(file) && sha256(file).equals(parts.get(0).get("sha256")),
                    "module " + m + "'s jar did not arrive intact");
            // each module's entries are its own: every module's report lists its jar
            Map<String, Object> report = JSON.readValue(basedir.toPath().resolve(m + "/target/worklink/attach.json").toFile(), Map.class);
            check("success".equals(report.get("outcome")), "module " + m + "'s report outcome " + report.get("outcome"));
            List<Map<String, Object>> items = (List<Map<String, Object>>) report.get("items");
            check(items.size() == 1, "module " + m + "'s report lists its jar only: " + items);
            Map<String, Object> item = items.get(0);
            check(jar.equals(item.get("file")) && "uploaded".equals(item.get("status")) && issue.equals(item.get("workItem"))
                    && Integer.valueOf(200).equals(item.get("httpStatus")), "report item of module " + m + ": " + item);
            check(((Number) item.get("size")).longValue() == Files.size(file), "report size of module " + m + ": " + item);
            ids.add(item.get("attachmentId"));
        }
        // the parent, a pom, has nothing to attach
        Map<String, Object> parentReport = JSON.readValue(basedir.toPath().resolve("target/worklink/attach.json").toFile(), Map.class);
        check("success".equals(parentReport.get("outcome")) && ((List<Object>) parentReport.get("items")).isEmpty(), "the parent's report: " + parentReport);
        // the sandbox numbers attachments across ITs: three ids, all different
        check(ids.size() == 3 && new java.util.HashSet<>(ids).size() == 3 && ids.stream().allMatch(id -> String.valueOf(id).matches("[0-9]+")),
                "the reports hold the ids the sandbox gave, once each: " + ids);
        check(recordsTo(port, "/v3/auth/tokens").size() == 1, "expected exactly one IAM call for the whole build");
        String log = Files.readString(basedir.toPath().resolve("build.log"));
        check(log.split(java.util.regex.Pattern.quote("attachAtEnd: this is the last module"), -1).length - 1 == 1, "the upload phase must run exactly once");
        // every module finished building before the first upload began
        int lastJar = log.lastIndexOf("Building jar:");
        int firstUpload = log.indexOf("Attached module-");
        check(lastJar >= 0 && firstUpload > lastJar, "uploads started before the last module was built");
    }

    /** The recorded requests whose path contains the text. */
    public static List<Map<String, Object>> recordsTo(Object port, String pathContains) throws Exception {
        return records(port).stream().filter(r -> String.valueOf(r.get("path")).contains(pathContains)).toList();
    }

    public static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Makes a file of exactly this size (sparse where the file system allows), without holding it in memory. */
    public static void makeFile(Path file, long size) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            raf.seek(0);
            raf.write("worklink".getBytes());
        }
    }

    /**
     * Makes a file of exactly this size whose every 8-byte word is its own offset (big-endian), written 64 KiB at a
     * time: no two blocks are alike and none is zero, so a stream that repeats, drops or zeroes a buffer changes the
     * file's SHA-256.
     */
    public static void makePatternedFile(Path file, long size) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(1 << 16);
        try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
            long offset = 0;
            while (offset < size) {
                block.clear();
                for (int i = 0; i < block.capacity(); i += 8) {
                    block.putLong(offset + i);
                }
                block.flip();
                block.limit((int) Math.min(block.capacity(), size - offset));
                while (block.hasRemaining()) {
                    offset += out.write(block);
                }
            }
        }
    }

    /**
     * Puts an attachment on an IPD work item as if someone had uploaded it before the build (with the ready token);
     * the sandbox records this upload too.
     */
    public static void preUpload(Object port, String projectId, String issueId, String fileName, byte[] content) throws Exception {
        String boundary = "it-pre-upload";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v1/ipdprojectservice/projects/" + projectId + "/issues/" + issueId + "/attachments/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Auth-Token", dev.worklink.sandbox.SandboxCredentials.READY_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("the pre-upload of " + fileName + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Fails the verify script with the message when the condition does not hold. */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    private static boolean healthy(int port) {
        try {
            return get(port, "/__sandbox/health").contains("ok");
        } catch (Exception e) {
            return false;
        }
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("sandbox admin " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static void post(int port, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("sandbox admin " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
