package de.kielregion.kooperation.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads an XLSX export in a test: the workbook is a zip of XML parts, read by its directory. */
public final class Workbooks {

    private static final Pattern REFERENCE = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private Workbooks() {}

    /** The XML of one part (e.g. {@code xl/worksheets/sheet1.xml}) with character references resolved; "" if absent. */
    public static String part(byte[] xlsx, String name) {
        try {
            Path file = Files.createTempFile("workbook", ".xlsx");
            try {
                Files.write(file, xlsx);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    ZipEntry entry = zip.getEntry(name);
                    return entry == null
                            ? ""
                            : unescape(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable workbook", e);
        }
    }

    /** The first sheet and the shared strings together: every cell's content appears in it. */
    public static String text(byte[] xlsx) {
        return part(xlsx, "xl/worksheets/sheet1.xml") + part(xlsx, "xl/sharedStrings.xml");
    }

    /** The names of the workbook's parts. */
    public static java.util.List<String> parts(byte[] xlsx) {
        try {
            Path file = Files.createTempFile("workbook", ".xlsx");
            try {
                Files.write(file, xlsx);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    return Collections.list(zip.entries()).stream()
                            .map(ZipEntry::getName)
                            .toList();
                }
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable workbook", e);
        }
    }

    private static String unescape(String xml) {
        return REFERENCE
                .matcher(xml)
                .replaceAll(m -> Matcher.quoteReplacement(Character.toString(
                        Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))))
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
