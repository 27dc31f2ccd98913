package se.uppfoljning.report;

import java.awt.BasicStroke;
import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;

/**
 * The look of every chart in the PDF templates ({@code customizerClass}): flat bars without shadows,
 * whole-number ticks for counts, light grid lines, thicker lines. Colours per series come from the
 * templates.
 */
public class ChartLook implements JRChartCustomizer {

    private static final Color GRID = new Color(0xC8, 0xD0, 0xD8);

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (!(chart.getPlot() instanceof CategoryPlot plot)) {
            return;
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        if (plot.getRangeAxis() instanceof NumberAxis axis) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setAutoRangeIncludesZero(true);
        }
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setItemMargin(0.05);
            bars.setMaximumBarWidth(0.08);
        } else if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
            for (int series = 0; series < 4; series++) {
                lines.setSeriesStroke(series, new BasicStroke(1.8f));
            }
        }
    }
}
