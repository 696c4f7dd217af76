package dev.worklink.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's own calls under {@code /__sandbox/}, all JSON, never recorded:
 * <ul>
 * <li>{@code GET health} → {@code {"status":"ok"}}</li>
 * <li>{@code GET record} → the recorded requests, as an array of {@link RecordedRequest}</li>
 * <li>{@code GET stats} → {@code {"iamCalls":n,"projectLookups":n,"connectionsAccepted":n,"requests":n}}</li>
 * <li>{@code GET tokens} → the IAM tokens issued, as an array of strings</li>
 * <li>{@code GET federation} → the identity provider and what federation issued since the last reset ({@link Sandbox#federation()})</li>
 * <li>{@code POST identity-provider} with {@code {"idpId","clientId","idToken"}} (each optional: the default stays;
 * a new clientId without idToken gets a JWT for that audience), until the next reset</li>
 * <li>{@code GET attachments} → the CodeArts Req attachments stored, as an array of {@code {id, projectId, issueId,
 * fileName, size, sha256}}</li>
 * <li>{@code POST reset}, {@code POST expire-tokens}</li>
 * <li>{@code POST misbehave} with a {@link Misbehaviour} (or an array of them); {@code count} defaults to 1</li>
 * <li>{@code POST attachment-limit} with {@code {"bytes":N}}</li>
 * <li>{@code POST list-shape} with {@code {"shape":"doc"|"sdk"}}: how IPD attachment list entries are worded (see
 * {@link ListShape})</li>
 * <li>{@code POST require-project-id} with {@code {"required":true|false}}: AK/SK-signed CodeArts calls must carry a
 * signed {@code X-Project-Id} naming the account's project</li>
 * <li>{@code POST superoffice-public-key} with {@code {"publicKey":"-----BEGIN PUBLIC KEY-----..."}} (PEM or base64
 * X.509): SuperOffice system user signatures made with its private key are accepted until the next reset</li>
 * </ul>
 */
final class AdminApi {

    static final String PREFIX = "/__sandbox/";
    private static final int MAX_BODY = 64 * 1024;

    private final Sandbox sandbox;

    AdminApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void handle(HttpExchange he) throws IOException {
        try {
            String call = he.getRequestURI().getRawPath().substring(PREFIX.length());
            byte[] body = readBody(he);
            String method = he.getRequestMethod();
            String expected = switch (call) {
                case "health", "record", "stats", "tokens", "federation", "attachments" -> "GET";
                case "reset", "expire-tokens", "misbehave", "attachment-limit", "list-shape", "require-project-id", "superoffice-public-key",
                        "identity-provider" -> "POST";
                default -> null;
            };
            if (expected == null) {
                answer(he, 404, Map.of("error", "no admin call '" + call + "'; there are GET health, record, stats, tokens, federation, "
                        + "attachments and POST reset, expire-tokens, misbehave, attachment-limit, list-shape, require-project-id, "
                        + "superoffice-public-key, identity-provider"));
                return;
            }
            if (!expected.equals(method)) {
                answer(he, 405, Map.of("error", PREFIX + call + " takes " + expected + ", not " + method));
                return;
            }
            answer(he, 200, run(call, body));
        } catch (IllegalArgumentException | IOException e) {
            answer(he, 400, Map.of("error", SandboxExchange.firstLine(e.getMessage())));
        }
    }

    private Object run(String call, byte[] body) throws IOException {
        switch (call) {
            case "health":
                return Map.of("status", "ok");
            case "record":
                return sandbox.records();
            case "tokens":
                return sandbox.issuedTokens();
            case "attachments":
                return sandbox.storedAttachments();
            case "stats":
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("iamCalls", sandbox.iamCalls());
                stats.put("projectLookups", sandbox.projectLookups());
                stats.put("connectionsAccepted", sandbox.connectionsAccepted());
                stats.put("requests", sandbox.records().size());
                return stats;
            case "federation":
                return sandbox.federation();
            case "identity-provider": {
                JsonNode given = json(body);
                String clientId = given.path("clientId").asText(SandboxCredentials.IDP_CLIENT_ID);
                String idToken = given.path("idToken").asText(given.has("clientId") ? SandboxCredentials.jwt(clientId) : SandboxCredentials.ID_TOKEN);
                sandbox.identityProvider(given.path("idpId").asText(SandboxCredentials.IDP_ID), clientId, idToken);
                return Map.of("status", "ok");
            }
            case "reset":
                sandbox.reset();
                return Map.of("status", "ok");
            case "expire-tokens":
                sandbox.expireTokens();
                return Map.of("status", "ok");
            case "misbehave":
                List<Misbehaviour> queued = misbehaviours(json(body));
                queued.forEach(sandbox::misbehave);
                return Map.of("status", "ok", "queued", queued);
            case "attachment-limit":
                JsonNode bytes = json(body).path("bytes");
                if (!bytes.canConvertToLong() || bytes.asLong() <= 0) {
                    throw new IllegalArgumentException("expected {\"bytes\": N} with N a positive number of bytes");
                }
                sandbox.attachmentLimit(bytes.asLong());
                return Map.of("status", "ok", "bytes", bytes.asLong());
            case "list-shape":
                ListShape shape = ListShape.of(json(body).path("shape").asText(null));
                sandbox.listShape(shape);
                return Map.of("status", "ok", "shape", shape.configName());
            case "require-project-id":
                JsonNode required = json(body).path("required");
                if (!required.isBoolean()) {
                    throw new IllegalArgumentException("expected {\"required\": true} or {\"required\": false}");
                }
                sandbox.requireProjectId(required.asBoolean());
                return Map.of("status", "ok", "required", required.asBoolean());
            case "superoffice-public-key":
                sandbox.registerSuperOfficePublicKey(SuperOfficeSystemUsers.parsePublicKey(json(body).path("publicKey").asText(null)));
                return Map.of("status", "ok");
            default:
                throw new IllegalStateException(call);
        }
    }

    private static List<Misbehaviour> misbehaviours(JsonNode node) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        List<Misbehaviour> result = new ArrayList<>();
        for (JsonNode item : items) {
            if (!(item instanceof ObjectNode object)) {
                throw new IllegalArgumentException("a misbehaviour is a JSON object, e.g. {\"status\":503,\"count\":1,\"retryAfter\":\"1\"}");
            }
            if (!object.has("count")) {
                object.put("count", 1);
            }
            result.add(SandboxExchange.JSON.treeToValue(object, Misbehaviour.class));
        }
        return result;
    }

    private static JsonNode json(byte[] body) throws IOException {
        if (body.length == 0) {
            throw new IllegalArgumentException("this call takes a JSON body");
        }
        return SandboxExchange.JSON.readTree(body);
    }

    private static byte[] readBody(HttpExchange he) throws IOException {
        try (InputStream in = he.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY);
            if (in.transferTo(OutputStream.nullOutputStream()) > 0) {
                throw new IllegalArgumentException("admin bodies are at most " + MAX_BODY + " bytes");
            }
            return body;
        }
    }

    private static void answer(HttpExchange he, int status, Object body) throws IOException {
        byte[] bytes = SandboxExchange.JSON.writeValueAsBytes(body);
        he.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        he.getResponseHeaders().set("X-Request-Id", SandboxExchange.randomHex(16));
        he.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = he.getResponseBody()) {
            out.write(bytes);
        }
        he.close();
    }
}
