package io.jray.dashboard.dag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Eclipse ELK's layered algorithm (Sugiyama: layering, crossing reduction, node placement and
 * orthogonal edge routing), left to right: arguments on the left of the tasks taking them.
 */
final class LayeredLayout {

    static {
        // why: outside an Eclipse runtime the algorithm's metadata must be registered by hand
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** A box to place, with its size. */
    record Node(String key, int width, int height) {
    }

    /** Where a box went. */
    record Place(int x, int y) {
    }

    /** The positions of the boxes, the routes of the edges (in the order given) and the drawing's size. */
    record Result(Map<String, Place> places, List<List<double[]>> routes, int width, int height) {
    }

    private LayeredLayout() {
    }

    static Result layout(List<Node> nodes, List<Grouping.Link> links) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(20));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 16.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 12.0);
        Map<String, ElkNode> byKey = new LinkedHashMap<>();
        for (Node node : nodes) {
            ElkNode elk = ElkGraphUtil.createNode(root);
            elk.setDimensions(node.width(), node.height());
            byKey.put(node.key(), elk);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (Grouping.Link link : links) {
            edges.add(ElkGraphUtil.createSimpleEdge(byKey.get(link.from()), byKey.get(link.to())));
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, Place> places = new LinkedHashMap<>();
        byKey.forEach((key, elk) -> places.put(key, new Place((int) Math.round(elk.getX()), (int) Math.round(elk.getY()))));
        List<List<double[]>> routes = new ArrayList<>();
        for (ElkEdge edge : edges) {
            List<double[]> points = new ArrayList<>();
            for (ElkEdgeSection section : edge.getSections()) {
                points.add(new double[] { section.getStartX(), section.getStartY() });
                for (ElkBendPoint bend : section.getBendPoints()) {
                    points.add(new double[] { bend.getX(), bend.getY() });
                }
                points.add(new double[] { section.getEndX(), section.getEndY() });
            }
            routes.add(points);
        }
        return new Result(places, routes, (int) Math.ceil(root.getWidth()), (int) Math.ceil(root.getHeight()));
    }
}
