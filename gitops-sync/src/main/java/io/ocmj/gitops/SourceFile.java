package io.ocmj.gitops;

/**
 * A file read from a commit: its path in the repository, its size, and its bytes (null when it is
 * over the size limit and was not read).
 */
public record SourceFile(String path, long size, byte[] content) {}
