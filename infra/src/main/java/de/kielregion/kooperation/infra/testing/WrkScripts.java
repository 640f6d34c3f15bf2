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
        try {
            Path script = Files.createTempFile("walk-pages", ".lua");
            Files.writeString(script, """
                    local threads = 0
                    function setup(thread)
                      thread:set("first", threads * %d)
                      threads = threads + 1
                    end
                    function init(args)
                      page = 0
                    end
                    function request()
                      local path = string.gsub("%s", "page=%%*", "page=" .. (first + page))
                      page = (page + 1) %% %d
                      return wrk.format(nil, path)
                    end
                    """.formatted(pages / 2, path, pages / 2));
            script.toFile().deleteOnExit();
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the wrk script", e);
        }
    }
}
