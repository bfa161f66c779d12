package dev.litectl.admin;

/** The size of a database: file and WAL bytes, page size, pages, and pages on the freelist. */
public record SpaceStats(long fileBytes, long walBytes, long pageSize, long pageCount, long freePages) {}
