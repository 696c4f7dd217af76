package demo;

// does not compile, on purpose: the module fails and -fae goes on with the others
public class B {
    int broken = ;
}
