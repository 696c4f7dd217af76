package demo;

public class A {
    public static String name() {
        return "a";
    }
}
