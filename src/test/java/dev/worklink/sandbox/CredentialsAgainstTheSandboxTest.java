package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklink.auth.CodeArtsCredentials;
import dev.worklink.http.BuildScope;
import dev.worklink.auth.IamTokenAuthenticator;
import dev.worklink.auth.IamTokenSource;
import dev.worklink.codearts.AttachmentOutcome;
import dev.worklink.codearts.AttachmentPublisher;
import dev.worklink.codearts.ProjectType;
import dev.worklink.codearts.WorkItemAttachments;
import dev.worklink.http.Log;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials the plugin resolves, judged by the sandbox: by the signature and the token it checks, not by a description. */
class CredentialsAgainstTheSandboxTest extends SandboxFixture {

    @Test
    void theSdkEnvironmentKeysSignRequestsTheSandboxAccepts() throws Exception {
        RequestAuthenticator auth = CodeArtsCredentials.resolve(new BuildScope(), null, "codearts", "cn-north-4", Map.of(
                CodeArtsCredentials.ENV_AK, SandboxCredentials.ACCESS_KEY, CodeArtsCredentials.ENV_SK, SandboxCredentials.SECRET_KEY,
                CodeArtsCredentials.ENV_PROJECT_ID, SandboxCredentials.IAM_PROJECT_ID), client);

        int status = client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), auth).status();

        assertThat(status).isEqualTo(200);
        assertThat(onlyRecord().authenticatedAs()).isEqualTo("aksk:" + SandboxCredentials.ACCESS_KEY);
    }

    @Test
    void theSdkEnvironmentSecretKeyIsTheOneThatSigns() throws Exception {
        RequestAuthenticator auth = CodeArtsCredentials.resolve(new BuildScope(), null, "codearts", "cn-north-4", Map.of(
                CodeArtsCredentials.ENV_AK, SandboxCredentials.ACCESS_KEY, CodeArtsCredentials.ENV_SK, "another-secret-key",
                CodeArtsCredentials.ENV_PROJECT_ID, SandboxCredentials.IAM_PROJECT_ID), client);

        assertThatThrownBy(() -> client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), auth))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void parallelUploadsThatAllGet401RefreshTheTokenOnce() throws Exception {
        IamTokenSource tokens = IamTokenSource.shared(new BuildScope(), URI.create(sandbox.url()), SandboxCredentials.IAM_USER, SandboxCredentials.IAM_PASSWORD,
                SandboxCredentials.IAM_DOMAIN, "cn-north-4");
        IamTokenAuthenticator auth = new IamTokenAuthenticator(tokens, client, "test");
        tokens.token(client);
        sandbox.expireTokens();
        // The sandbox holds the four uploads a while, so all four are sent with the expired token before any 401 returns.
        sandbox.misbehave(Misbehaviour.latency(1000, 4));
        List<Path> files = List.of(file("a.jar", 10), file("b.jar", 11), file("c.jar", 12), file("d.jar", 13));

        List<AttachmentOutcome> outcomes = new AttachmentPublisher(new WorkItemAttachments(client, auth, uri("")), Log.NONE)
                .publish(new AttachmentPublisher.Plan(ProjectType.IPD, PROJECT, List.of(IPD_ISSUE), files, false, 4, false));

        assertThat(outcomes).hasSize(4).allSatisfy(o -> assertThat(o.status()).isEqualTo(AttachmentOutcome.UPLOADED));
        List<RecordedRequest> uploads = sandbox.records().stream().filter(r -> r.path().equals(IPD_UPLOAD)).toList();
        assertThat(uploads).extracting(RecordedRequest::status).containsExactlyInAnyOrder(401, 401, 401, 401, 200, 200, 200, 200);
        assertThat(sandbox.iamCalls()).isEqualTo(2); // the first token, and one refresh for the four 401s
    }
}
