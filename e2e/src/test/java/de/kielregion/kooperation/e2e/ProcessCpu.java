package de.kielregion.kooperation.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A snapshot of the CPU time a process has used, all of it and that of each of its JIT
 * compiler threads, from Linux' {@code /proc} (user + system time in clock ticks). The
 * benchmarks use it to tell a JVM that is still compiling from one that runs compiled code.
 */
record ProcessCpu(long totalTicks, Map<String, Long> compilerTicks) {

    /** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux, whatever the kernel's HZ). */
    private static final long TICKS_PER_SECOND = 100;

    /** CPU used between two snapshots, in milliseconds. */
    record Used(long totalMillis, long jitMillis) {}

    static ProcessCpu of(long pid) {
        Path process = Path.of("/proc", String.valueOf(pid));
        try {
            // The process' own figure counts the threads that have ended too (idle workers do).
            long total = ticks(Files.readString(process.resolve("stat")));
            Map<String, Long> compilers = new HashMap<>();
            try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException gone) {
                        continue; // the thread ended meanwhile
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        compilers.put(task.getFileName().toString(), ticks(stat));
                    }
                }
            }
            return new ProcessCpu(total, compilers);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CPU times of process " + pid + " (Linux /proc)", e);
        }
    }

    /**
     * What was used since {@code earlier}. The JVM ends compiler threads it no longer needs: the
     * time such a thread used between the snapshots is not counted (a thread started since
     * counts whole).
     */
    Used since(ProcessCpu earlier) {
        long jit = 0;
        for (var thread : compilerTicks.entrySet()) {
            jit += thread.getValue() - earlier.compilerTicks.getOrDefault(thread.getKey(), 0L);
        }
        return new Used(millis(totalTicks - earlier.totalTicks), millis(jit));
    }

    /**
     * CPU used by all processes whose name is {@code name} (e.g. PostgreSQL's {@code postgres}:
     * its server and one backend per connection), in milliseconds since boot; a process that
     * ended is not counted, so two readings around a run give what the long-lived ones used.
     */
    static long millisOfAll(String name) {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.toList()) {
                if (!process.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .equals(name)) {
                        ticks += ticks(stat);
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the processes (Linux /proc)", e);
        }
        return millis(ticks);
    }

    /** The machine's busy CPU time (all cores, all but idle and I/O wait) since boot, in milliseconds. */
    static long machineBusyMillis() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return millis(busy);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the machine's CPU times (Linux /proc/stat)", e);
        }
    }

    /** utime + stime of a {@code stat} line: after the name, the state is the 1st field, they the 12th and 13th. */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long millis(long ticks) {
        return ticks * 1000 / TICKS_PER_SECOND;
    }
}
