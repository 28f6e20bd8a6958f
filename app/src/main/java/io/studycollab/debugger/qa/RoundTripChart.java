package io.studycollab.debugger.qa;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** The heartbeat round trip over the last two minutes, one point a second while connected. */
final class RoundTripChart extends LineChart<Number, Number> {

    private static final int KEEP = 120;

    private final XYChart.Series<Number, Number> rtt = new XYChart.Series<>();
    private long seconds;

    RoundTripChart() {
        super(new NumberAxis(), new NumberAxis());
        NumberAxis time = (NumberAxis) getXAxis();
        time.setLabel("s");
        time.setForceZeroInRange(false);
        getYAxis().setLabel("round trip ms");
        setId("rttChart");
        getData().add(rtt);
        setLegendVisible(false);
        setCreateSymbols(false);
        setAnimated(false);
        setPrefHeight(170);
    }

    /** One second passed; {@code millis} is the current round trip, or negative when unmeasured. */
    void tick(double millis) {
        seconds++;
        if (millis >= 0) {
            rtt.getData().add(new XYChart.Data<>(seconds, millis));
            if (rtt.getData().size() > KEEP) {
                rtt.getData().remove(0);
            }
        }
    }
}
