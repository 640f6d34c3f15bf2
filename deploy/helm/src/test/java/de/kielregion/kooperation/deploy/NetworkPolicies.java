package de.kielregion.kooperation.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' NetworkPolicy semantics, evaluated without a cluster: whether a connection from
 * one pod to a port of another is allowed by a set of policies (the chart's and the ones the
 * operators make). Policies add up: a pod selected by no policy of a direction is open in that
 * direction; a selected pod accepts (sends) only what some rule of some selecting policy allows.
 * A rule's port matches by number or by the target container's port name; a peer's pod selector
 * alone means the policy's namespace; a namespace selector alone means every pod there. IP
 * blocks never match a pod here (pods have no fixed address), except where a test says so.
 */
final class NetworkPolicies {

    /** A pod as an operator or the chart labels it, in a namespace with its name label. */
    record Pod(String description, String namespace, Map<String, String> labels, Map<String, Integer> ports) {

        Map<String, String> namespaceLabels() {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }

        int port(String name) {
            Integer port = ports.get(name);
            if (port == null) {
                throw new IllegalArgumentException(description + " has no port " + name);
            }
            return port;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** A policy and the namespace it lives in (the release's, for everything the chart renders). */
    record Placed(String namespace, NetworkPolicy policy) {}

    private final List<Placed> policies;

    NetworkPolicies(List<Placed> policies) {
        this.policies = List.copyOf(policies);
    }

    /** Whether {@code from} may open a connection to {@code to} on the named port of {@code to}. */
    boolean allows(Pod from, Pod to, String portName, String protocol) {
        int port = to.port(portName);
        return ingressAllows(from, to, port, portName, protocol) && egressAllows(from, to, port, portName, protocol);
    }

    /** Which policies admit the connection into {@code to} (for a failure message). */
    String explain(Pod from, Pod to, String portName, String protocol) {
        int port = to.port(portName);
        return "ingress " + (ingressAllows(from, to, port, portName, protocol) ? "allowed" : "refused") + ", egress "
                + (egressAllows(from, to, port, portName, protocol) ? "allowed" : "refused");
    }

    private boolean ingressAllows(Pod from, Pod to, int port, String portName, String protocol) {
        return allows(to, "Ingress", from, port, portName, protocol);
    }

    private boolean egressAllows(Pod from, Pod to, int port, String portName, String protocol) {
        return allows(from, "Egress", to, port, portName, protocol);
    }

    /**
     * Whether the policies selecting {@code pod} in {@code direction} let it talk to {@code other}
     * (the source of an ingress, the target of an egress); no selecting policy: open.
     */
    private boolean allows(Pod pod, String direction, Pod other, int port, String portName, String protocol) {
        List<Placed> selecting = selecting(pod, direction);
        if (selecting.isEmpty()) {
            return true;
        }
        for (Placed placed : selecting) {
            var spec = placed.policy().getSpec();
            List<Rule> rules = direction.equals("Ingress")
                    ? spec.getIngress().stream()
                            .map(r -> new Rule(r.getPorts(), r.getFrom()))
                            .toList()
                    : spec.getEgress().stream()
                            .map(r -> new Rule(r.getPorts(), r.getTo()))
                            .toList();
            for (Rule rule : rules) {
                if (portMatches(rule.ports(), port, portName, protocol)
                        && peersMatch(rule.peers(), placed.namespace(), other)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An ingress or egress rule: its ports and its peers (from or to). */
    private record Rule(List<NetworkPolicyPort> ports, List<NetworkPolicyPeer> peers) {}

    private List<Placed> selecting(Pod pod, String direction) {
        return policies.stream()
                .filter(p -> p.namespace().equals(pod.namespace()))
                .filter(p -> matches(p.policy().getSpec().getPodSelector(), pod.labels()))
                .filter(p -> types(p.policy()).contains(direction))
                .toList();
    }

    /** policyTypes, defaulted as the API server defaults them. */
    private static List<String> types(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        List<?> egress = policy.getSpec().getEgress();
        return egress != null && !egress.isEmpty() ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, int port, String portName, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String ruleProtocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!ruleProtocol.equals(protocol)) {
                continue;
            }
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            if (value.getStrVal() != null) {
                if (value.getStrVal().equals(portName)) {
                    return true;
                }
                continue;
            }
            int start = value.getIntVal();
            int end = p.getEndPort() == null ? start : p.getEndPort();
            if (port >= start && port <= end) {
                return true;
            }
        }
        return false;
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, String policyNamespace, Pod other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                continue;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? other.namespace().equals(policyNamespace)
                    : matches(peer.getNamespaceSelector(), other.namespaceLabels());
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), other.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (var e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException("operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
