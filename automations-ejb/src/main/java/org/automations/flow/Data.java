package org.automations.flow;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automations.json.JsonValues;

/**
 * An automation's JSON data: a map of String, Number, Boolean, null, List and Map values. Anything
 * else is refused by {@link #put} at once, so nothing that cannot be stored reaches the database.
 */
public class Data extends AbstractMap<String, Object> {

    private final Map<String, Object> values = new LinkedHashMap<>();

    public Data() {
    }

    /** A copy of the given values; throws IllegalArgumentException naming the first bad entry. */
    public Data(Map<String, ?> initial) {
        if (initial != null) {
            initial.forEach(this::put);
        }
    }

    /** Parses JSON text written by {@link #toJson()}. */
    public static Data fromJson(String json) {
        Data data = new Data();
        data.values.putAll(JsonValues.parseObject(json));
        return data;
    }

    public String toJson() {
        return JsonValues.write(values);
    }

    @Override
    public Object put(String key, Object value) {
        if (key == null) {
            throw new IllegalArgumentException("Data keys must not be null");
        }
        return values.put(key, JsonValues.copy("data." + key, value));
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public Object remove(Object key) {
        return values.remove(key);
    }

    @Override
    public void clear() {
        values.clear();
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<Entry<String, Object>> inner = values.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return inner.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        Entry<String, Object> entry = inner.next();
                        return new SimpleEntry<>(entry) {
                            private static final long serialVersionUID = 1L;

                            @Override
                            public Object setValue(Object value) {
                                super.setValue(value);
                                return entry.setValue(JsonValues.copy("data." + entry.getKey(), value));
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        inner.remove();
                    }
                };
            }

            @Override
            public int size() {
                return values.size();
            }
        };
    }

    public String getString(String key) {
        Object value = values.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw wrongType(key, value, "String");
    }

    public Integer getInt(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s) {
            return Integer.valueOf(s.trim());
        }
        throw wrongType(key, value, "Integer");
    }

    public Long getLong(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            return Long.valueOf(s.trim());
        }
        throw wrongType(key, value, "Long");
    }

    public Double getDouble(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            return Double.valueOf(s.trim());
        }
        throw wrongType(key, value, "Double");
    }

    public BigDecimal getBigDecimal(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal bd) {
            return bd;
        }
        if (value instanceof Number || value instanceof String) {
            return new BigDecimal(value.toString().trim());
        }
        throw wrongType(key, value, "BigDecimal");
    }

    public Boolean getBoolean(String key) {
        Object value = values.get(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String s) {
            return Boolean.valueOf(s.trim());
        }
        throw wrongType(key, value, "Boolean");
    }

    @SuppressWarnings("unchecked")
    public List<Object> getList(String key) {
        Object value = values.get(key);
        if (value == null || value instanceof List) {
            return (List<Object>) value;
        }
        throw wrongType(key, value, "List");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String key) {
        Object value = values.get(key);
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw wrongType(key, value, "Map");
    }

    private static IllegalStateException wrongType(String key, Object value, String wanted) {
        return new IllegalStateException("data." + key + " is a " + value.getClass().getSimpleName()
                + " (" + value + "), not a " + wanted);
    }
}
