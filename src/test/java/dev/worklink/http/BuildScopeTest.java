package dev.worklink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BuildScopeTest {

    private record Key(String name) {}

    @Test
    void makesEachSharedValueOncePerKey() {
        BuildScope build = new BuildScope();
        AtomicInteger made = new AtomicInteger();
        StringBuilder first = build.shared(new Key("a"), StringBuilder.class, () -> new StringBuilder("v" + made.incrementAndGet()));
        StringBuilder again = build.shared(new Key("a"), StringBuilder.class, () -> new StringBuilder("v" + made.incrementAndGet()));
        StringBuilder other = build.shared(new Key("b"), StringBuilder.class, () -> new StringBuilder("v" + made.incrementAndGet()));

        assertThat(again).isSameAs(first);
        assertThat(other.toString()).isEqualTo("v2");
        assertThat(made).hasValue(2);
    }

    @Test
    void closeClosesWhatItSharedAndForgetsIt() {
        BuildScope build = new BuildScope();
        AtomicInteger closed = new AtomicInteger();
        build.shared(new Key("client"), AutoCloseable.class, () -> closed::incrementAndGet);
        build.shared(new Key("plain"), String.class, () -> "value");

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

        assertThatThrownBy(() -> build.shared(new Key("late"), String.class, () -> "value"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("build has ended");
    }
}
