package dev.worklink.sandbox;

/** One part of a multipart body as the sandbox received it: its bytes are counted and hashed, never kept. */
public record RecordedPart(String field, String fileName, String contentType, long size, String sha256) {}
