package de.kielregion.kooperation.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lua scripts for the load generator wrk (Debian package 'wrk') that the benchmarks share. */
public final class WrkScripts {

    private WrkScripts() {}

    /**
     * A script that asks for {@code path} (its {@code page=*} replaced) with pages 0 to
     * {@code pages}-1: each of wrk's two threads ({@code -t2}) its own half, in order, again and
     * again. A page comes back only after its thread's other pages and the other thread's, so a
     * cache of fewer than {@code pages - 2} answers holds none of them when it is asked again,
     * however the threads' speeds drift. Headers given with {@code -H} are sent.
     */
    public static Path walkingPages(String path, int pages) {
        if (!path.contains("page=*")) {
            throw new IllegalArgumentException(path + " has no page=*");
        }
        return walkingPaths(java.util.stream.IntStream.range(0, pages)
                .mapToObj(page -> path.replace("page=*", "page=" + page))
                .toList());
    }

    /**
     * A script that asks for {@code paths} (e.g. the {@code next} links of a list, walked
     * beforehand): each of wrk's two threads ({@code -t2}) its own half, in order, again and
     * again (see {@link #walkingPages}). Headers given with {@code -H} are sent.
     */
    public static Path walkingPaths(java.util.List<String> paths) {
        StringBuilder table = new StringBuilder("{");
        for (String path : paths) {
            if (path.contains("\"") || path.contains("\\")) {
                throw new IllegalArgumentException("not a path for the script: " + path);
            }
            table.append('"').append(path).append("\",");
        }
        table.append('}');
        try {
            Path script = Files.createTempFile("walk-paths", ".lua");
            Files.writeString(script, """
                    local paths = %s
                    local threads = 0
                    function setup(thread)
                      thread:set("first", threads * %d)
                      threads = threads + 1
                    end
                    function init(args)
                      step = 0
                    end
                    function request()
                      local path = paths[first + step + 1]
                      step = (step + 1) %% %d
                      return wrk.format(nil, path)
                    end
                    """.formatted(table, paths.size() / 2, paths.size() / 2));
            script.toFile().deleteOnExit();
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the wrk script", e);
        }
    }
}
