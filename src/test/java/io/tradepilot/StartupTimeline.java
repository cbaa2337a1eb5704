package io.tradepilot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.core.metrics.StartupStep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measuring half of {@code bin/startup}: starts the application as {@code java -jar} would, with
 * Spring's {@link BufferingApplicationStartup}, and once it is ready prints where the start-up time went:
 * the phases (environment, which starts the embedded servers; context refresh; web server) and the
 * slowest steps by their own time (a bean's time without the beans it waited for). Then it exits, unless
 * {@code --keep-running} is given. Not a test: a measurement tool; start-up goals are measured, never asserted.
 */
public final class StartupTimeline {

    private StartupTimeline() {
    }

    public static void main(String[] args) {
        long launched = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        boolean keepRunning = List.of(args).contains("--keep-running");
        BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
        SpringApplication app = new SpringApplication(Application.class);
        app.setApplicationStartup(startup);
        app.addListeners((ApplicationReadyEvent ready) -> {
            print(startup, System.currentTimeMillis() - launched);
            if (!keepRunning) System.exit(SpringApplication.exit(ready.getApplicationContext()));
        });
        app.run(args);
    }

    private static void print(BufferingApplicationStartup startup, long sinceLaunchMillis) {
        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Duration> children = new HashMap<>();
        for (TimelineEvent e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) children.merge(parent, e.getDuration(), Duration::plus);
        }
        System.out.printf(Locale.ROOT, "%nSTARTUP from process launch to ready: %.1f s%n", sinceLaunchMillis / 1000.0);
        System.out.println("Phases (wall time):");
        for (TimelineEvent e : events) {
            if (e.getStartupStep().getParentId() == null) {
                System.out.printf(Locale.ROOT, "  %7.2f s  %s%n", e.getDuration().toMillis() / 1000.0, describe(e.getStartupStep()));
            }
        }
        List<Map.Entry<String, Duration>> own = new ArrayList<>();
        for (TimelineEvent e : events) {
            Duration self = e.getDuration().minus(children.getOrDefault(e.getStartupStep().getId(), Duration.ZERO));
            own.add(Map.entry(describe(e.getStartupStep()), self));
        }
        own.sort(Map.Entry.<String, Duration>comparingByValue().reversed());
        System.out.println("Slowest steps by own time (without nested steps):");
        own.stream().limit(25).forEach(e -> System.out.printf(Locale.ROOT, "  %7.2f s  %s%n", e.getValue().toMillis() / 1000.0, e.getKey()));
    }

    private static String describe(StartupStep step) {
        StringBuilder s = new StringBuilder(step.getName());
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor") || tag.getKey().equals("beanType")) {
                s.append(' ').append(tag.getValue());
            }
        }
        return s.toString();
    }
}
