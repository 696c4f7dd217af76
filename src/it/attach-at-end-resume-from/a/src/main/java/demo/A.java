package demo; public class A {}
