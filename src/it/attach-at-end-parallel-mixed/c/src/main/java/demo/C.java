package demo;

public class C {
    public static String name() {
        return "c";
    }
}
