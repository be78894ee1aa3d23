package io.jray.bench.startup;

import java.util.List;

import io.jray.bench.startup.StartupBenchmark.Form;
import io.jray.bench.startup.StartupBenchmark.Measurement;

/** The start-up suite's Markdown table: medians over the runs of each form. */
final class StartupReport {

    private StartupReport() {
    }

    static String markdown(List<Measurement> measurements, String setup) {
        StringBuilder table = new StringBuilder();
        table.append("Start-up and warm-up, ").append(setup).append(". Medians over the runs.\n\n");
        table.append("| form | workers joined (s) | worker process at 'Started' (s) | driver ready (s) | first task (ms) "
                + "| first ").append("batch (tasks/s) | steady (tasks/s) | first / steady |\n");
        table.append("|---|---|---|---|---|---|---|---|\n");
        for (Form form : Form.values()) {
            List<Measurement> of = measurements.stream().filter(m -> m.form() == form).toList();
            if (of.isEmpty()) {
                continue;
            }
            double first = StartupBenchmark.median(of, Measurement::firstBatchRate);
            double steady = StartupBenchmark.median(of, Measurement::steadyRate);
            table.append(String.format("| %s | %.2f | %.2f | %.2f | %.1f | %,.0f | %,.0f | %.2f |%n", form.label,
                    StartupBenchmark.median(of, Measurement::joinSeconds),
                    StartupBenchmark.median(of, Measurement::workerProcessSeconds),
                    StartupBenchmark.median(of, Measurement::driverReadySeconds),
                    StartupBenchmark.median(of, Measurement::firstTaskMillis), first, steady, first / steady));
        }
        return table.toString();
    }
}
