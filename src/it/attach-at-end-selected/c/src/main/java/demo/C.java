package demo; public class C {}
