/**
 * Passive JavaFX components of the workbench: they show the arrays, networks and datasets they are
 * given and report gestures through {@code on...} handlers or read-only properties. They never
 * start training, never touch files except in their export methods, and are used on the JavaFX
 * application thread only.
 *
 * <p>Charts extend {@link org.epsnn.views.ChartView} (JFreeChart); heatmaps, image grids and the
 * network diagram extend {@link org.epsnn.views.CanvasView}, which paints the same Java2D picture
 * on screen, into PNG and into SVG. Both share one {@link org.epsnn.views.ChartTheme}, whose
 * presentation scale an application can bind. Every view implements
 * {@link org.epsnn.views.export.Exportable} and offers the exports in its context menu once a file
 * chooser is set on its {@link org.epsnn.views.export.ExportActions}.
 */
package org.epsnn.views;
