package demo;

public class D {
    public static String name() {
        return "d";
    }
}
