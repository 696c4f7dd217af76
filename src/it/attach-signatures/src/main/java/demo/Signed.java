package demo;

public class Signed {}
