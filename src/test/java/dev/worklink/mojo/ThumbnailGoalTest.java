package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklink.files.ImageTypeSamples;
import dev.worklink.sandbox.Misbehaviour;
import dev.worklink.sandbox.RecordedRequest;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * worklink:thumbnail as the harness configures it: an uploaded image's url or a local image (exactly one of them), skip,
 * the shared checks, offline and dry run, failOnError and the 4xx/5xx split, and a proxy password settings.xml cannot
 * decrypt.
 */
@MojoTest
@MojoParameter(name = "endpoint", value = "${sandbox.url}")
@MojoParameter(name = "projectId", value = GoalHarness.CODEARTS_PROJECT)
@MojoParameter(name = "planId", value = GoalHarness.PLAN)
@MojoParameter(name = "retries", value = "0")
@MojoParameter(name = "retryBackoff", value = "0")
class ThumbnailGoalTest extends GoalHarness {

    static final String IMAGE_URL = "/v1/upload/" + CODEARTS_PROJECT + "/202506/1749730526922581391.png";
    private static final String SET_PATH = "/v3/plan/" + CODEARTS_PROJECT + "/management/" + PLAN + "/img";

    @BeforeEach
    void image() throws Exception {
        ImageTypeSamples.write(dir.resolve("thumb.png"), "png", 64, 64);
    }

    private List<RecordedRequest> thumbnailsSet() {
        return received().stream().filter(r -> r.method().equals("PUT") && r.path().equals(SET_PATH)).toList();
    }

    @Test
    @InjectMojo(goal = "thumbnail")
    @MojoParameter(name = "imageUrl", value = IMAGE_URL)
    void setsAnUploadedImageWithTheCodeartsServerAndWritesTheDefaultReport(ThumbnailMojo mojo) throws Exception {
        mojo.execute();

        assertThat(received()).extracting(RecordedRequest::method, RecordedRequest::path).containsExactly(org.assertj.core.groups.Tuple.tuple("PUT", SET_PATH));
        assertThat(thumbnailsSet().get(0).jsonBody()).contains(IMAGE_URL);
        assertThat(thumbnailsSet()).extracting(RecordedRequest::authenticatedAs).containsExactly("token:ready");
        assertThat(report(defaultReport("thumbnail")).path("outcome").asText()).isEqualTo("success");
    }

    @Test
    @InjectMojo(goal = "thumbnail")
    @Define(name = "worklink.thumbnail.image", value = "${project.basedir}/thumb.png")
    void uploadsALocalImageFirstThenSetsIt(ThumbnailMojo mojo) throws Exception {
        mojo.execute();

        assertThat(received()).extracting(RecordedRequest::method).containsExactly("POST", "PUT");
        assertThat(received().get(0).parts()).extracting(p -> p.fileName()).containsExactly("thumb.png");
        assertThat(thumbnailsSet()).extracting(RecordedRequest::status).containsExactly(200);
    }

    // ---- exactly one of image and imageUrl

    @Test
    @InjectMojo(goal = "thumbnail")
    @MojoParameter(name = "imageUrl", value = IMAGE_URL)
    @MojoParameter(name = "image", value = "${project.basedir}/thumb.png")
    void bothImageAndImageUrlFailBeforeAnyCall(ThumbnailMojo mojo) {
        failsBeforeAnyCall(mojo, "imageUrl (worklink.thumbnail.imageUrl)", "image (worklink.thumbnail.image)", "are both set", ThumbnailMojo.ONE_OF);
    }

    @Test
    @InjectMojo(goal = "thumbnail")
    void neitherImageNorImageUrlFailsBeforeAnyCall(ThumbnailMojo mojo) {
        failsBeforeAnyCall(mojo, "imageUrl (worklink.thumbnail.imageUrl) and image (worklink.thumbnail.image) are both unset", ThumbnailMojo.ONE_OF);
    }

    // ---- skip

    @Test
    @InjectMojo(goal = "thumbnail")
    @MojoParameter(name = "imageUrl", value = IMAGE_URL)
    @Define(name = "worklink.thumbnail.skip", value = "true")
    void itsOwnSkipSendsNothingAndNamesItsProperty(ThumbnailMojo mojo) throws Exception {
        skippedBy(mojo, "thumbnail", "worklink.thumbnail.skip");
    }

    @Test
    @InjectMojo(goal = "thumbnail")
    @MojoParameter(name = "imageUrl", value = IMAGE_URL)
    @Define(name = "worklink.skip", value = "true")
    void worklinkSkipSendsNothing(ThumbnailMojo mojo) throws Exception {
        skippedBy(mojo, "thumbnail", "worklink.skip");
    }

    // ---- the shared checks, offline, dry run

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"retries, -1", "connectTimeout, 0", "timeout, 0", "timeout, -1", "retryBackoff, -1", "endpoint, projectman-ext.example.com"})
    @InjectMojo(goal = "thumbnail")
    @MojoParameter(name = "imageUrl", value = IMAGE_URL)
    void aSharedParameterOutOfBoundsFailsBeforeAnyCall(String parameter, String value, ThumbnailMojo mojo) throws Exception {
        sharedParameterFailsBeforeAnyCall(mojo, parameter, value, "worklink." + parameter);
    }

    @Test
    @InjectMojo(goal = "thumbnail")
    @MojoParameter(name = "imageUrl", value = IMAGE_URL)
    void offlineFailsBeforeAnyCall(ThumbnailMojo mojo) {
        request.setOffline(true);

        failsBeforeAnyCall(mojo, "worklink:thumbnail needs the network, but Maven is offline (-o)");
    }

    @Test
    @InjectMojo(goal = "thumbnail")
    @MojoParameter(name = "image", value = "${project.basedir}/thumb.png")
    @Define(name = "worklink.dryRun", value = "true")
    void offlineDryRunSendsNothingAndWritesTheReport(ThumbnailMojo mojo) throws Exception {
        request.setOffline(true);

        mojo.execute();

        assertThat(received()).isEmpty();
        assertThat(report(defaultReport("thumbnail")).path("dryRun").asBoolean()).isTrue();
    }

    // ---- failOnError and the 4xx / other split

    @Test
    @InjectMojo(goal = "thumbnail")
    @MojoParameter(name = "imageUrl", value = IMAGE_URL)
    @MojoParameter(name = "failOnError", value = "false")
    void failOnErrorFalseWarnsAndTheBuildGoesOn(ThumbnailMojo mojo) throws Exception {
        sandbox.misbehave(Misbehaviour.status(503, 10));

        mojo.execute();

        assertThat(thumbnailsSet()).extracting(RecordedRequest::status).contains(503);
        assertThat(log.warnings()).contains("failOnError=false: the build goes on.");
        assertThat(report(defaultReport("thumbnail")).path("outcome").asText()).isEqualTo("failed");
    }

    @Test
    @InjectMojo(goal = "thumbnail")
    @MojoParameter(name = "imageUrl", value = IMAGE_URL)
    void aRefusal4xxIsTheUsersToFix(ThumbnailMojo mojo) {
        sandbox.misbehave(Misbehaviour.status(404, 10));

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoFailureException.class);
        assertThat(thumbnailsSet()).extracting(RecordedRequest::status).contains(404);
    }

    @Test
    @InjectMojo(goal = "thumbnail")
    @MojoParameter(name = "imageUrl", value = IMAGE_URL)
    void aServerError5xxIsAnExecutionFailure(ThumbnailMojo mojo) {
        sandbox.misbehave(Misbehaviour.status(500, 10));

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class);
        assertThat(thumbnailsSet()).extracting(RecordedRequest::status).contains(500);
    }

    // ---- settings.xml proxies

    @Test
    @InjectMojo(goal = "thumbnail")
    @MojoParameter(name = "imageUrl", value = IMAGE_URL)
    void aProxyPasswordThatCannotBeDecryptedFailsNamingTheProxyNeverTheSecret(ThumbnailMojo mojo) {
        String encrypted = "{jSMOWnoPFgsHVpMvz5VrIt5kRbzGpI8u+9EF1iFQyJQ=}";
        Proxy proxy = new Proxy();
        proxy.setId("corporate");
        proxy.setHost("proxy.example.invalid");
        proxy.setPort(3128);
        proxy.setUsername("proxyuser");
        proxy.setPassword(encrypted);
        request.addProxy(proxy);
        decryption = failingOn(encrypted);

        failsBeforeAnyCall(mojo, "Could not decrypt the password of the proxy 'corporate' in settings.xml");
        assertThatThrownBy(mojo::execute).message().doesNotContain(encrypted);
        assertThat(log.lines).noneMatch(l -> l.contains(encrypted));
    }
}
