package demo;

/** The demo's one class: enough to make a jar and a sources jar. */
public final class Greeter {
    private Greeter() {}

    public static String greet(String name) {
        return "Hello, " + name + ", from a release published by worklink-maven-plugin";
    }
}
