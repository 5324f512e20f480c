package org.epsnn.views.uncertainty;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.epsnn.views.CanvasView;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.draw.Draw;
import org.epsnn.views.export.CsvWriter;

/**
 * A square grid of grey levels in {@code [0, 1]} to draw on with the mouse, white strokes on black
 * as in MNIST. Dragging the primary button paints a soft round brush along the path, and the
 * secondary button erases. Every change of the image is reported through {@link #onImageChangedProperty()}.
 */
public class DigitPadView extends CanvasView {

    private static final Color GRID_LINE = new Color(0x40, 0x40, 0x40);

    private int gridWidth = 28;
    private int gridHeight = 28;
    private double[] image = new double[28 * 28];
    private double brushRadius = 1.6;
    private double lastCellX = Double.NaN;
    private double lastCellY = Double.NaN;
    private final ObjectProperty<Consumer<double[]>> onImageChanged = new SimpleObjectProperty<>(this, "onImageChanged");

    public DigitPadView() {
        this(new ChartTheme());
    }

    public DigitPadView(ChartTheme theme) {
        super(theme);
        setPrefSize(320, 320);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::stroke);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::stroke);
        addEventHandler(MouseEvent.MOUSE_RELEASED, event -> {
            lastCellX = Double.NaN;
            lastCellY = Double.NaN;
        });
    }

    /** The handler that receives a copy of the image after every change by the mouse, {@link #clear()} or {@link #setImage}. */
    public ObjectProperty<Consumer<double[]>> onImageChangedProperty() {
        return onImageChanged;
    }

    public void setOnImageChanged(Consumer<double[]> handler) {
        onImageChanged.set(handler);
    }

    /**
     * Sets the grid size and clears the image. The brush radius follows the size: 1.6 cells on a
     * 28 x 28 grid draws strokes of 2 to 3 cells above grey level 0.5, about as thick as MNIST's.
     * The radius is at least 1 cell, so that a stroke survives thresholding at 0.5 on small grids.
     */
    public void setGridSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Pad size must be positive, got " + width + " x " + height);
        }
        gridWidth = width;
        gridHeight = height;
        image = new double[width * height];
        brushRadius = Math.max(1.0, 1.6 * Math.max(width, height) / 28.0);
        requestRepaint();
    }

    public int gridWidth() {
        return gridWidth;
    }

    public int gridHeight() {
        return gridHeight;
    }

    /** Replaces the image with a copy of {@code values}, row-major {@code height x width}, clamped to [0, 1]. */
    public void setImage(double[] values) {
        if (values.length != image.length) {
            throw new IllegalArgumentException("Pad of " + gridWidth + " x " + gridHeight + " needs " + image.length
                    + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            image[i] = Math.max(0, Math.min(1, values[i]));
        }
        imageChanged();
    }

    /** Sets every cell to 0. */
    public void clear() {
        Arrays.fill(image, 0);
        imageChanged();
    }

    /** Returns a copy of the image, row-major. */
    public double[] image() {
        return image.clone();
    }

    /** Returns the pad's square drawing area in pixels: the largest that fits, centred. */
    public Rectangle2D padBounds() {
        return padBounds(canvasWidth(), canvasHeight());
    }

    private Rectangle2D padBounds(double width, double height) {
        double cell = Math.max(1, Math.min((width - 8) / gridWidth, (height - 8) / gridHeight));
        double padWidth = cell * gridWidth;
        double padHeight = cell * gridHeight;
        return new Rectangle2D.Double((width - padWidth) / 2, (height - padHeight) / 2, padWidth, padHeight);
    }

    private void stroke(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY && event.getButton() != MouseButton.SECONDARY) {
            return;
        }
        Rectangle2D pad = padBounds();
        double cellX = (event.getX() - getInsets().getLeft() - pad.getX()) / pad.getWidth() * gridWidth;
        double cellY = (event.getY() - getInsets().getTop() - pad.getY()) / pad.getHeight() * gridHeight;
        boolean erase = event.getButton() == MouseButton.SECONDARY;
        // Paint along the segment from the last point, so that fast drags leave no gaps.
        double fromX = Double.isNaN(lastCellX) ? cellX : lastCellX;
        double fromY = Double.isNaN(lastCellY) ? cellY : lastCellY;
        int steps = (int) Math.ceil(Math.hypot(cellX - fromX, cellY - fromY) / 0.25) + 1;
        boolean changed = false;
        for (int s = 0; s < steps; s++) {
            double t = steps == 1 ? 1 : (double) s / (steps - 1);
            changed |= dab(fromX + t * (cellX - fromX), fromY + t * (cellY - fromY), erase);
        }
        lastCellX = cellX;
        lastCellY = cellY;
        event.consume();
        if (changed) {
            imageChanged();
        }
    }

    /**
     * Paints one brush dab centred at a point in cell units: a cell gets ink {@code 1 - (d / r)^2}
     * at distance {@code d} from the point within the radius {@code r}, and keeps the larger of
     * its old and new ink. Erasing sets the cells within the radius to 0.
     *
     * @return whether a cell changed
     */
    private boolean dab(double x, double y, boolean erase) {
        boolean changed = false;
        int reach = (int) Math.ceil(brushRadius);
        int centreColumn = (int) Math.floor(x);
        int centreRow = (int) Math.floor(y);
        for (int row = centreRow - reach; row <= centreRow + reach; row++) {
            for (int column = centreColumn - reach; column <= centreColumn + reach; column++) {
                if (row < 0 || row >= gridHeight || column < 0 || column >= gridWidth) {
                    continue;
                }
                double distance = Math.hypot(column + 0.5 - x, row + 0.5 - y) / brushRadius;
                if (distance >= 1) {
                    continue;
                }
                int at = row * gridWidth + column;
                double ink = erase ? 0 : Math.max(image[at], 1 - distance * distance);
                if (ink != image[at]) {
                    image[at] = ink;
                    changed = true;
                }
            }
        }
        return changed;
    }

    private void imageChanged() {
        requestRepaint();
        Consumer<double[]> handler = onImageChanged.get();
        if (handler != null) {
            handler.accept(image.clone());
        }
    }

    @Override
    protected void paint(Graphics2D g, double width, double height) {
        Rectangle2D pad = padBounds(width, height);
        double cell = pad.getWidth() / gridWidth;
        for (int row = 0; row < gridHeight; row++) {
            for (int column = 0; column < gridWidth; column++) {
                int grey = (int) Math.round(255 * image[row * gridWidth + column]);
                Draw.fill(g, new Rectangle2D.Double(pad.getX() + column * cell, pad.getY() + row * cell, cell + 0.5, cell + 0.5),
                        new Color(grey, grey, grey));
            }
        }
        if (cell >= 6) {
            g.setStroke(new BasicStroke(0.5f));
            g.setColor(GRID_LINE);
            for (int column = 1; column < gridWidth; column++) {
                double x = pad.getX() + column * cell;
                g.draw(new Line2D.Double(x, pad.getY(), x, pad.getMaxY()));
            }
            for (int row = 1; row < gridHeight; row++) {
                double y = pad.getY() + row * cell;
                g.draw(new Line2D.Double(pad.getX(), y, pad.getMaxX(), y));
            }
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(ChartTheme.AXIS_LINE);
        g.draw(pad);
    }

    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        csv.header("row", "column", "grey_level");
        for (int row = 0; row < gridHeight; row++) {
            for (int column = 0; column < gridWidth; column++) {
                csv.cell(row).cell(column).cell(image[row * gridWidth + column]).endRow();
            }
        }
    }
}
