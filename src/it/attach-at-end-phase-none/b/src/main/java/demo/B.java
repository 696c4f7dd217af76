package demo;

public class B {
    public static String name() {
        return "b";
    }
}
