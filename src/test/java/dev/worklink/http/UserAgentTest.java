package dev.worklink.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentTest {

    @Test
    void namesTheVersionThePomBuilds() {
        // surefire passes ${project.version} in (pom.xml), so the oracle is the POM, not the filtered resource
        String pomVersion = System.getProperty("worklink.test.projectVersion");
        assertThat(pomVersion).isNotBlank();
        assertThat(UserAgent.VALUE).isEqualTo("worklink-maven-plugin/" + pomVersion);
    }
}
