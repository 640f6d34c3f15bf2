package de.kielregion.kooperation.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The growth benchmark's record over sizes and what is drawn from it (issue 30):
 * {@code growth.tsv} keeps one line per size and row (size, row key, req/s, p50 ms, p99 ms; a run
 * replaces the lines of its size), {@code growth.svg} draws p50 per request against the size on
 * log-log axes, one line per read path, the HTTP ceiling flat and dashed, and {@code growth.md}
 * tables each row's p50 per size with its growth exponent (0: flat, 1: linear in the data). No
 * plotting library: the SVG is written by hand. Rows whose key starts with {@code bulk-} (the
 * bulk push, a write) are in the TSV and the table, not in the plot.
 */
final class GrowthPlot {

    /** One figure of one row at one size; for a bulk row req/s is items per second, p50 and p99 its time. */
    record Figure(long size, String key, double perSecond, double p50, double p99) {}

    /** The HTTP ceiling's key: drawn as a flat dashed line. */
    static final String CEILING = "health";

    private static final String HEADER = "size\trow\treq/s\tp50 ms\tp99 ms";

    private static final String[] COLOURS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
        "#e6550d", "#31a354", "#756bb1", "#636363"
    };

    // The drawing: plot area and legend, in SVG user units.
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 620;
    private static final int LEFT = 80;
    private static final int RIGHT = 700;
    private static final int TOP = 50;
    private static final int BOTTOM = 550;

    private GrowthPlot() {}

    /**
     * Replaces the figures of {@code size} in {@code dir}/growth.tsv by {@code figures} (the other
     * sizes' kept), then writes growth.svg and growth.md from all sizes; returns all figures.
     */
    static List<Figure> record(Path dir, long size, List<Figure> figures) throws IOException {
        Files.createDirectories(dir);
        Path tsv = dir.resolve("growth.tsv");
        List<Figure> all = new ArrayList<>(Files.exists(tsv) ? parse(Files.readString(tsv)) : List.of());
        all.removeIf(f -> f.size() == size);
        all.addAll(figures);
        all.sort(Comparator.comparingLong(Figure::size)); // stable: each size keeps its rows' order
        Files.writeString(tsv, tsv(all));
        Files.writeString(dir.resolve("growth.svg"), svg(all));
        Files.writeString(dir.resolve("growth.md"), markdown(all));
        return all;
    }

    /** The figures of a growth.tsv text (its header and blank lines skipped). */
    static List<Figure> parse(String tsv) {
        List<Figure> figures = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("size\t")) {
                continue;
            }
            String[] f = line.strip().split("\t");
            if (f.length != 5) {
                throw new IllegalArgumentException("not a line of growth.tsv: " + line);
            }
            figures.add(new Figure(
                    Long.parseLong(f[0]),
                    f[1],
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4])));
        }
        return figures;
    }

    /** The figures as growth.tsv (tab-separated, a header line, decimal points whatever the locale). */
    static String tsv(List<Figure> figures) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Figure f : figures) {
            out.append(String.format(
                    Locale.ROOT, "%d\t%s\t%.1f\t%.3f\t%.3f%n", f.size(), f.key(), f.perSecond(), f.p50(), f.p99()));
        }
        return out.toString();
    }

    /** The rows' keys in the order they first appear. */
    static List<String> keys(List<Figure> figures) {
        Set<String> keys = new LinkedHashSet<>();
        figures.forEach(f -> keys.add(f.key()));
        return List.copyOf(keys);
    }

    /** The recorded sizes, ascending. */
    static List<Long> sizes(List<Figure> figures) {
        return figures.stream().map(Figure::size).distinct().sorted().toList();
    }

    /** The figures of one row, by size. */
    static List<Figure> of(List<Figure> figures, String key) {
        return figures.stream()
                .filter(f -> f.key().equals(key))
                .sorted(Comparator.comparingLong(Figure::size))
                .toList();
    }

    /**
     * The growth exponent of a row: the least-squares slope of log p50 against log size over its
     * figures (p50 ∝ size^exponent); NaN with fewer than two sizes.
     */
    static double exponent(List<Figure> row) {
        List<Figure> usable =
                row.stream().filter(f -> f.size() > 0 && f.p50() > 0).toList();
        if (usable.stream().map(Figure::size).distinct().count() < 2) {
            return Double.NaN;
        }
        double meanX =
                usable.stream().mapToDouble(f -> Math.log(f.size())).average().orElseThrow();
        double meanY =
                usable.stream().mapToDouble(f -> Math.log(f.p50())).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (Figure f : usable) {
            double dx = Math.log(f.size()) - meanX;
            sxy += dx * (Math.log(f.p50()) - meanY);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    /** Whether a row is drawn: every read path (the bulk push is a write). */
    static boolean plotted(String key) {
        return !key.startsWith("bulk-");
    }

    /** growth.md: each row's p50 at each recorded size and its growth exponent. */
    static String markdown(List<Figure> figures) {
        List<Long> sizes = sizes(figures);
        StringBuilder out = new StringBuilder("# How each read's cost grows with the data (issue 30)\n\n");
        out.append("p50 per request in ms at each size `GrowthBenchmark` recorded (`growth.tsv`: req/s, p50 and p99 of"
                + " each run). Size S: min(S, 100,000) projects, S/50 partners, S activities and S history entries."
                + " The exponent is the least-squares slope of log p50 against log S: 0 flat, 1 linear in the data,"
                + " — with fewer than two sizes. `bulk-*` rows: one bulk push of 20,000 activities, its time in ms"
                + " (req/s: activities per second).\n\n");
        out.append("![p50 per request against the size](growth.svg)\n\n");
        out.append("| row |");
        sizes.forEach(s -> out.append(String.format(Locale.ROOT, " %,d |", s)));
        out.append(" exponent |\n|---|");
        sizes.forEach(s -> out.append("---:|"));
        out.append("---:|\n");
        for (String key : keys(figures)) {
            List<Figure> row = of(figures, key);
            out.append("| ").append(key).append(" |");
            for (long size : sizes) {
                out.append(' ')
                        .append(row.stream()
                                .filter(f -> f.size() == size && f.p50() > 0) // 0: no answer in the time
                                .findFirst()
                                .map(f -> millis(f.p50()))
                                .orElse("—"))
                        .append(" |");
            }
            double exponent = exponent(row);
            out.append(' ')
                    .append(Double.isNaN(exponent) ? "—" : String.format(Locale.ROOT, "%.2f", exponent))
                    .append(" |\n");
        }
        return out.toString();
    }

    /**
     * growth.svg: p50 per request (ms, log) against the size (log, 10k–1M at least), a polyline
     * with markers per read path, the HTTP ceiling as a flat dashed line at its geometric mean, a
     * legend on the right.
     */
    static String svg(List<Figure> figures) {
        List<Figure> drawn = figures.stream()
                .filter(f -> plotted(f.key()) && f.p50() > 0 && f.size() > 0)
                .toList();
        double minX = Math.log10(
                Math.min(10_000, drawn.stream().mapToLong(Figure::size).min().orElse(10_000)));
        double maxX = Math.log10(
                Math.max(1_000_000, drawn.stream().mapToLong(Figure::size).max().orElse(1_000_000)));
        double minY = Math.floor(
                Math.log10(drawn.stream().mapToDouble(Figure::p50).min().orElse(0.1)));
        double maxY = Math.ceil(
                Math.log10(drawn.stream().mapToDouble(Figure::p50).max().orElse(100)));
        if (maxY <= minY) {
            maxY = minY + 1;
        }
        Axes axes = new Axes(minX, maxX, minY, maxY);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"28\" font-size=\"16\">p50 per request against the size of the data"
                        + " (log-log)</text>%n",
                LEFT));
        // Grid and ticks: every decade on both axes.
        for (int e = (int) Math.ceil(minX); e <= (int) Math.floor(maxX); e++) {
            double x = axes.x(Math.pow(10, e));
            svg.append(line(x, TOP, x, BOTTOM, "#dddddd", null));
            svg.append(text(x, BOTTOM + 18, "middle", size(Math.pow(10, e))));
        }
        for (int e = (int) minY; e <= (int) maxY; e++) {
            double y = axes.y(Math.pow(10, e));
            svg.append(line(LEFT, y, RIGHT, y, "#dddddd", null));
            svg.append(text(LEFT - 6, y + 4, "end", decade(e) + " ms"));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333333\"/>%n",
                LEFT,
                TOP,
                RIGHT - LEFT,
                BOTTOM - TOP));
        svg.append(text(
                (LEFT + RIGHT) / 2.0,
                BOTTOM + 40,
                "middle",
                "size S (min(S, 100,000) projects, S activities, S/50 partners)"));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"20\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 20 %.1f)\">p50 (ms)</text>%n",
                (TOP + BOTTOM) / 2.0,
                (TOP + BOTTOM) / 2.0));
        // One series per row; the legend beside the plot.
        int index = 0;
        double legendY = TOP + 8;
        for (String key : keys(drawn)) {
            List<Figure> row = of(drawn, key);
            if (key.equals(CEILING)) {
                double mean = Math.exp(row.stream()
                        .mapToDouble(f -> Math.log(f.p50()))
                        .average()
                        .orElseThrow());
                double y = axes.y(mean);
                svg.append(line(LEFT, y, RIGHT, y, "#555555", "6 4"));
                svg.append(line(RIGHT + 20, legendY, RIGHT + 44, legendY, "#555555", "6 4"));
                svg.append(text(RIGHT + 50, legendY + 4, "start", escape(key) + " (HTTP ceiling)"));
            } else {
                String colour = COLOURS[index++ % COLOURS.length];
                String points = row.stream()
                        .map(f -> String.format(Locale.ROOT, "%.1f,%.1f", axes.x(f.size()), axes.y(f.p50())))
                        .collect(Collectors.joining(" "));
                svg.append(String.format(
                        Locale.ROOT,
                        "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                        points,
                        colour));
                for (Figure f : row) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s at %s: %s ms</title>"
                                    + "</circle>%n",
                            axes.x(f.size()),
                            axes.y(f.p50()),
                            colour,
                            escape(key),
                            size(f.size()),
                            millis(f.p50())));
                }
                svg.append(line(RIGHT + 20, legendY, RIGHT + 44, legendY, colour, null));
                svg.append(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%d\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n",
                        RIGHT + 32,
                        legendY,
                        colour));
                svg.append(text(RIGHT + 50, legendY + 4, "start", escape(key)));
            }
            legendY += 20;
        }
        return svg.append("</svg>\n").toString();
    }

    /** Log-log mapping of the plot area: decades {@code minX..maxX} (size) and {@code minY..maxY} (ms). */
    private record Axes(double minX, double maxX, double minY, double maxY) {

        double x(double size) {
            return LEFT + (Math.log10(size) - minX) / (maxX - minX) * (RIGHT - LEFT);
        }

        double y(double millis) {
            return BOTTOM - (Math.log10(millis) - minY) / (maxY - minY) * (BOTTOM - TOP);
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String dashes) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1,
                y1,
                x2,
                y2,
                colour,
                dashes == null ? "" : " stroke-width=\"2\" stroke-dasharray=\"" + dashes + "\"");
    }

    private static String text(double x, double y, String anchor, String text) {
        return String.format(
                Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, text);
    }

    /** A size as the axis labels it: 10k, 100k, 1M. */
    static String size(double size) {
        if (size >= 1_000_000) {
            return trim(size / 1_000_000) + "M";
        }
        return size >= 1_000 ? trim(size / 1_000) + "k" : trim(size);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** 10^e as a plain number: 0.01, 0.1, 1, 10, 1000. */
    private static String decade(int e) {
        return java.math.BigDecimal.ONE
                .scaleByPowerOfTen(e)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Milliseconds with as many places as they need: 0.05, 1.3, 25.0, 1200. */
    static String millis(double ms) {
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        return ms < 100 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
