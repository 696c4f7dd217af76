package dev.worklink.mojo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A user property of the test's build, as {@code -Dname=value} on the command line sets it: {@link GoalHarness} sets it
 * before the harness injects the test's mojos, so a parameter takes it through its property, as in a real build.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Define.All.class)
public @interface Define {
    String name();

    String value();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface All {
        Define[] value();
    }
}
