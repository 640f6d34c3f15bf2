package de.kielregion.kooperation.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the infrastructure of the local stack without Docker: a real Kafka broker (KRaft)
 * and a real PostgreSQL (the server named by {@code OSTSEE_PG_URL}, else an embedded one
 * whose data persists under the data folder), with one database per service, and a real mail
 * server (GreenMail: SMTP for the reminders, IMAP to read them; login and password are the
 * address, e.g. koordination@kielregion.example). When both are
 * ready it writes their addresses to {@code <data>/infra.env} and runs until stopped.
 *
 * <pre>
 * java -cp ... de.kielregion.kooperation.infra.LocalInfra [--data DIR] [--kafka-port N] [--pg-port N]
 *     [--smtp-port N] [--imap-port N]
 * </pre>
 */
public final class LocalInfra {

    static final List<String> DATABASES = List.of("partners", "projects", "memberships", "webhooks");

    private LocalInfra() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path data = Path.of(options.getOrDefault("data", ".local/data")).toAbsolutePath();
        int kafkaPort = port(options.getOrDefault("kafka-port", "9092"), "--kafka-port");
        int pgPort = port(options.getOrDefault("pg-port", "5433"), "--pg-port");
        int smtpPort = port(options.getOrDefault("smtp-port", "3025"), "--smtp-port");
        int imapPort = port(options.getOrDefault("imap-port", "3143"), "--imap-port");
        Files.createDirectories(data);
        Path envFile = data.resolve("infra.env");
        Files.deleteIfExists(envFile);

        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            for (int i = started.size() - 1; i >= 0; i--) {
                                try {
                                    started.get(i).close();
                                } catch (Exception e) {
                                    System.err.println("Stopping " + started.get(i) + ": " + e.getMessage());
                                }
                            }
                            stopped.countDown();
                        },
                        "local-infra-stop"));

        try {
            log("Starting Kafka (KRaft) on 127.0.0.1:" + kafkaPort + ", data in " + data.resolve("kafka"));
            KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), kafkaPort);
            started.add(kafka);
            PostgresServer postgres;
            String external = System.getenv(PostgresServer.ENV_URL);
            if (external != null && !external.isBlank()) {
                log("Using the PostgreSQL server at " + external);
                postgres = PostgresServer.external(
                        external,
                        System.getenv().getOrDefault(PostgresServer.ENV_USER, "postgres"),
                        System.getenv().getOrDefault(PostgresServer.ENV_PASSWORD, ""));
            } else {
                log("Starting PostgreSQL on 127.0.0.1:" + pgPort + ", data in " + data.resolve("postgres")
                        + " (the first start unpacks the binaries)");
                postgres = PostgresServer.embedded(data.resolve("postgres"), pgPort);
            }
            started.add(postgres);
            log("Starting the mail server: SMTP on 127.0.0.1:" + smtpPort + ", IMAP on 127.0.0.1:" + imapPort);
            com.icegreen.greenmail.util.GreenMail mail =
                    new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup[] {
                        new com.icegreen.greenmail.util.ServerSetup(
                                smtpPort, "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP),
                        new com.icegreen.greenmail.util.ServerSetup(
                                imapPort, "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_IMAP)
                    });
            mail.start();
            started.add(mail::stop);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(smtpPort));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("DB_USER", postgres.user());
            env.put("DB_PASSWORD", postgres.password());
            for (String database : DATABASES) {
                env.put("DB_URL_" + database.toUpperCase(), postgres.createDatabase(database));
            }
            StringBuilder text = new StringBuilder();
            env.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Path tmp = data.resolve("infra.env.tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, envFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log("Ready: Kafka " + kafka.bootstrapServers() + ", PostgreSQL databases " + DATABASES);
        } catch (Ports.PortInUseException e) {
            System.err.println("[infra] " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("[infra] Cannot start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (!List.of("data", "kafka-port", "pg-port", "smtp-port", "imap-port")
                    .contains(name)) {
                usage("unknown option " + args[i]);
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    private static int port(String value, String option) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                usage(option + " must be a port between 1 and 65535, not " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            usage(option + " must be a number, not " + value);
            return -1;
        }
    }

    private static void usage(String problem) {
        System.err.println("[infra] " + problem);
        System.err.println(
                "usage: LocalInfra [--data DIR] [--kafka-port N] [--pg-port N] [--smtp-port N] [--imap-port N]");
        System.exit(2);
    }

    private static void log(String message) {
        System.out.println("[infra] " + message);
    }
}
