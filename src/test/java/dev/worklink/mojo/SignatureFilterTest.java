package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureFilterTest {

    @ParameterizedTest(name = "type {0}, file {1}: left out = {2}")
    @CsvSource({
            // maven-gpg-plugin: the signed file's type and classifier, with .asc
            "jar.asc, demo-1.0-sources.jar.asc, true",
            "pom.asc, demo-1.0.pom.asc, true",
            "asc, demo-1.0.jar.asc, true",
            "jar.sigstore.json, demo-1.0.jar.sigstore.json, true",
            "jar.sha1, demo-1.0.jar.sha1, true",
            "md5, demo-1.0.jar.md5, true",
            "jar.sha256, demo-1.0.jar.sha256, true",
            "sha512, demo-1.0.jar.sha512, true",
            // a type that does not say it, a file name that does
            "jar, demo-1.0-sources.jar.ASC, true",
            // real artifacts
            "jar, demo-1.0-sources.jar, false",
            "zip, demo-1.0-dist.zip, false",
            "java-source, demo-1.0-sources.jar, false",
            "json, demo-1.0-cyclonedx.json, false",
            "txt, release-notes-asc.txt, false",
    })
    void signaturesAndChecksumsAreKnownByTheirTypeOrFileName(String type, String fileName, boolean leftOut) {
        assertThat(AttachMojo.isSignatureOrChecksum(type, fileName)).isEqualTo(leftOut);
    }
}
