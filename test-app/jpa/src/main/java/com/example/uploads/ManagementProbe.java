package com.example.uploads;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * What an operator sees through JMX, printed as {@code mbean Name=value} lines: the application knows the agent
 * only by the MBean's name, as JConsole or a JMX exporter would. Drains first, through the MBean's operation.
 */
final class ManagementProbe {
    private ManagementProbe() {
    }

    static void print() throws Exception {
        if (!AgentMBean.registered()) {
            return;
        }
        MBeanServer server = AgentMBean.SERVER;
        ObjectName name = AgentMBean.NAME;
        System.out.println("mbean drainNow=" + server.invoke(name, "drainNow", null, null));
        if (Boolean.getBoolean("testapp.mbean.sweep")) {
            System.out.println("mbean sweepNow=" + server.invoke(name, "sweepNow", null, null));
        }
        for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
            System.out.println("mbean " + attribute.getName() + "=" + text(server.getAttribute(name,
                    attribute.getName())));
        }
        for (String operation : new String[] {"recentFailures", "recentRefusals"}) {
            for (String line : (String[]) server.invoke(name, operation, null, null)) {
                System.out.println("mbean " + operation + ": " + line);
            }
        }
    }

    /** Tables (maps) as {key=value, ...} in key order, arrays as [a, b]. */
    private static String text(Object value) {
        if (value instanceof TabularData table) {
            Map<String, String> map = new TreeMap<>();
            for (Object row : table.values()) {
                CompositeData data = (CompositeData) row;
                map.put(String.valueOf(data.get("key")), text(data.get("value")));
            }
            return map.toString();
        }
        if (value instanceof Object[] array) {
            return Arrays.toString(array);
        }
        return String.valueOf(value);
    }
}
