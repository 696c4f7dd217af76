package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

class SandboxMisbehaviourTest extends SandboxFixture {

    private HttpResponse<String> list() throws Exception {
        return get(IPD_LIST, "X-Auth-Token", SandboxCredentials.READY_TOKEN);
    }

    @Test
    void aStatusIsAnsweredWithRetryAfterAndAHuaweiErrorThenCallsAreServedNormally() throws Exception {
        sandbox.misbehave(Misbehaviour.status(503, 1).withRetryAfter("2"));

        HttpResponse<String> first = list();
        HttpResponse<String> second = list();

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).contains("2");
        assertThat(first.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(json(first.body()).path("error_code").asText()).isEqualTo("APIGW.0503");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(sandbox.records()).extracting(RecordedRequest::status).containsExactly(503, 200);
    }

    @Test
    void aMisbehavedUploadIsReadWholeAndRecordedWithItsParts() throws Exception {
        sandbox.misbehave(Misbehaviour.status(502, 1));
        Path f = file("a.bin", 600);

        assertThatThrownBy(() -> client.execute(upload(IPD_UPLOAD, "attachment", f), readyToken())).hasMessageContaining("502");

        assertThat(onlyRecord().parts()).containsExactly(new RecordedPart("attachment", "a.bin", "application/octet-stream", 600, sha256(f)));
        assertThat(onlyRecord().status()).isEqualTo(502);
    }

    @Test
    void aDroppedConnectionIsNoHttpResponseExceptionToApacheHttpClient() throws Exception {
        sandbox.misbehave(Misbehaviour.drop(1));
        HttpPost post = new HttpPost(uri(IPD_UPLOAD));
        post.setHeader("X-Auth-Token", SandboxCredentials.READY_TOKEN);
        post.setEntity(MultipartEntityBuilder.create()
                .addBinaryBody("attachment", new byte[500], ContentType.APPLICATION_OCTET_STREAM, "a.bin").build());

        try (CloseableHttpClient hc = HttpClients.custom().disableAutomaticRetries().build()) {
            assertThatThrownBy(() -> hc.execute(post, response -> response.getCode())).isInstanceOf(NoHttpResponseException.class);
        }
        assertThat(onlyRecord().status()).isZero();
        assertThat(onlyRecord().parts()).hasSize(1);
    }

    @Test
    void aDroppedConnectionIsAnIoExceptionToThePluginsClient() throws Exception {
        sandbox.misbehave(Misbehaviour.drop(1));

        assertThatThrownBy(() -> client.execute(upload(IPD_UPLOAD, "attachment", file("a.bin", 10)), readyToken()))
                .isInstanceOf(IOException.class).isNotInstanceOf(dev.worklink.http.ServiceException.class);
        assertThat(list().statusCode()).isEqualTo(200);
    }

    @Test
    void latencyDelaysTheAnswerAndThenServesTheCall() throws Exception {
        sandbox.misbehave(Misbehaviour.latency(300, 1));

        long start = System.nanoTime();
        HttpResponse<String> r = list();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(millis).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aMisbehaviourForAPathLetsOtherPathsAndSkippedCallsThrough() throws Exception {
        sandbox.misbehave(Misbehaviour.status(500, 1).forPath("/attachments/upload").afterSkipping(1));
        byte[] body = multipart("b", "attachment", "a.bin", new byte[5]);

        int listed = list().statusCode();
        int firstUpload = post(IPD_UPLOAD, "multipart/form-data; boundary=b", body, "X-Auth-Token", SandboxCredentials.READY_TOKEN).statusCode();
        int secondUpload = post(IPD_UPLOAD, "multipart/form-data; boundary=b", body, "X-Auth-Token", SandboxCredentials.READY_TOKEN).statusCode();
        int thirdUpload = post(IPD_UPLOAD, "multipart/form-data; boundary=b", body, "X-Auth-Token", SandboxCredentials.READY_TOKEN).statusCode();

        assertThat(List.of(listed, firstUpload, secondUpload, thirdUpload)).containsExactly(200, 200, 500, 200);
    }

    @Test
    void queuedMisbehavioursApplyInOrder() throws Exception {
        sandbox.misbehave(Misbehaviour.status(429, 2).withRetryAfter("1"));
        sandbox.misbehave(Misbehaviour.status(503, 1));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(list().statusCode());
        }

        assertThat(statuses).containsExactly(429, 429, 503, 200);
    }

    @Test
    void aMisbehaviourPostedAsJsonToTheAdminApiCountsOneByDefault() throws Exception {
        HttpResponse<String> admin = post("/__sandbox/misbehave", "application/json",
                "{\"status\":504,\"retryAfter\":\"3\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> first = list();

        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(first.statusCode()).isEqualTo(504);
        assertThat(first.headers().firstValue("Retry-After")).contains("3");
        assertThat(list().statusCode()).isEqualTo(200);
    }

    @Test
    void aMisbehaviourWithAnUnknownFieldIsRefusedByTheAdminApi() throws Exception {
        HttpResponse<String> admin = post("/__sandbox/misbehave", "application/json",
                "{\"status\":503,\"retry_after\":\"3\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(admin.statusCode()).isEqualTo(400);
        assertThat(admin.body()).contains("retry_after");
        assertThat(list().statusCode()).isEqualTo(200);
    }

    @Test
    void resetForgetsQueuedMisbehaviour() throws Exception {
        sandbox.misbehave(Misbehaviour.status(503, 5));

        sandbox.reset();

        assertThat(list().statusCode()).isEqualTo(200);
    }

    @Test
    void parallelCallsAreServedInParallel() throws Exception {
        // Each call is held 1 s in the sandbox; a sandbox serving one call at a time never has two in hand at once,
        // whatever the machine's speed. No wall-clock bound is asserted.
        sandbox.misbehave(Misbehaviour.latency(1000, 4));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(this::list));
            }
            for (Future<HttpResponse<String>> call : calls) {
                assertThat(call.get().statusCode()).isEqualTo(200);
            }

            assertThat(sandbox.peakConcurrentRequests()).isGreaterThanOrEqualTo(2);
            assertThat(sandbox.records()).extracting(RecordedRequest::seq).containsExactly(1L, 2L, 3L, 4L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callsOneAfterAnotherNeverOverlap() throws Exception {
        list();
        list();

        assertThat(sandbox.peakConcurrentRequests()).isEqualTo(1);
    }
}
