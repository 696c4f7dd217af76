package dev.worklink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BuildScopeTest {

    private static Object key(String name) {
        return BuildScope.key(BuildScopeTest.class, name);
    }

    @Test
    void makesEachSharedValueOncePerKey() {
        BuildScope build = new BuildScope();
        AtomicInteger made = new AtomicInteger();
        StringBuilder first = build.shared(key("a"), StringBuilder.class, () -> new StringBuilder("v" + made.incrementAndGet()));
        StringBuilder again = build.shared(key("a"), StringBuilder.class, () -> new StringBuilder("v" + made.incrementAndGet()));
        StringBuilder other = build.shared(key("b"), StringBuilder.class, () -> new StringBuilder("v" + made.incrementAndGet()));

        assertThat(again).isSameAs(first);
        assertThat(other.toString()).isEqualTo("v2");
        assertThat(made).hasValue(2);
    }

    @Test
    void closeClosesWhatItSharedAndForgetsIt() {
        BuildScope build = new BuildScope();
        AtomicInteger closed = new AtomicInteger();
        build.shared(key("client"), AutoCloseable.class, () -> closed::incrementAndGet);
        build.shared(key("plain"), String.class, () -> "value");

        build.close();
        build.close();

        assertThat(closed).hasValue(1);
        assertThat(build.size()).isZero();
        assertThat(build.isClosed()).isTrue();
    }

    @Test
    void aClosedBuildSharesNothingMore() {
        BuildScope build = new BuildScope();
        build.close();

        assertThatThrownBy(() -> build.shared(key("late"), String.class, () -> "value"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("build has ended");
    }

    @Test
    void keysAreEqualWhenTheirOwnerAndEveryInputAre() {
        assertThat(BuildScope.key(String.class, "a", 1, null)).isEqualTo(BuildScope.key(String.class, "a", 1, null))
                .hasSameHashCodeAs(BuildScope.key(String.class, "a", 1, null));
        assertThat(BuildScope.key(String.class, "a", 1, null)).isNotEqualTo(BuildScope.key(Integer.class, "a", 1, null))
                .isNotEqualTo(BuildScope.key(String.class, "a", 2, null))
                .isNotEqualTo(BuildScope.key(String.class, "a", 1));
    }

    private record RecordKey(String name) {}

    @Test
    void aRecordIsRefusedAsAKey() {
        // Its equals and hashCode would be linked through method handles on first use (BuildScope.key says why).
        BuildScope build = new BuildScope();

        assertThatThrownBy(() -> build.shared(new RecordKey("a"), String.class, () -> "value"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BuildScope.key");
        assertThatThrownBy(() -> build.find(new RecordKey("a"), String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThat(build.size()).isZero();
    }
}
