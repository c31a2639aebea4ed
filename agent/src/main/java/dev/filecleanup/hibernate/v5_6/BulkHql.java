package dev.filecleanup.hibernate.v5_6;

import java.util.ArrayList;
import java.util.List;

/**
 * An HQL {@code delete} or {@code update}, read at parenthesis depth 0 outside string literals:
 * {@code delete [from] E [[as] a] [where R]}, {@code update [versioned] [from] E [[as] a] set t = v, … [where R]}.
 *
 * @param assigned the attribute paths an update assigns, without the alias
 * @param where    the text after {@code where}, or null
 */
record BulkHql(boolean update, String entity, String alias, List<String> assigned, String where) {

    /** Receives each parameter of the restriction: its name in the select, and its ordinal when it had one. */
    interface Parameters {
        void add(String name, Integer ordinal);
    }

    /** The statement, or null when {@code hql} is no delete or update this reading understands. */
    static BulkHql parse(String hql) {
        List<Token> tokens = Token.of(hql);
        int k = 0;
        String first = word(tokens, k++);
        boolean update = first.equalsIgnoreCase("update");
        if (!update && !first.equalsIgnoreCase("delete")) {
            return null;
        }
        if (update && word(tokens, k).equalsIgnoreCase("versioned")) {
            k++;
        }
        if (word(tokens, k).equalsIgnoreCase("from")) {
            k++;
        }
        String entity = word(tokens, k++);
        if (word(tokens, k).equalsIgnoreCase("as")) {
            k++;
        }
        String alias = null;
        String next = word(tokens, k);
        if (!next.isEmpty() && !next.equalsIgnoreCase("where") && !next.equalsIgnoreCase("set")) {
            alias = next;
            k++;
        }
        List<String> assigned = new ArrayList<>();
        if (update) {
            if (!word(tokens, k++).equalsIgnoreCase("set")) {
                return null;
            }
            boolean target = true;
            for (; k < tokens.size() && !(tokens.get(k).top() && tokens.get(k).text().equalsIgnoreCase("where")); k++) {
                Token token = tokens.get(k);
                if (token.top() && target) {
                    assigned.add(alias != null && token.text().startsWith(alias + ".")
                            ? token.text().substring(alias.length() + 1) : token.text());
                    target = false;
                } else if (token.top() && token.text().equals(",")) {
                    target = true;
                }
            }
        }
        String where = null;
        if (k < tokens.size()) {
            if (!tokens.get(k).text().equalsIgnoreCase("where")) {
                return null;
            }
            where = hql.substring(tokens.get(k).end()).trim();
        }
        return new BulkHql(update, entity, alias, List.copyOf(assigned), where);
    }

    /**
     * {@code select a.x, … from E a where R}, with {@code from} for {@code E}. Ordinals become names
     * ({@code ?2} is {@code :fileCleanupOrdinal2}), since the ordinals a select keeps must start at 1.
     */
    String select(String from, List<String> paths, Parameters parameters) {
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < paths.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(alias == null ? "" : alias + ".").append(paths.get(i));
        }
        select.append(" from ").append(from).append(alias == null ? "" : " " + alias);
        if (where != null) {
            StringBuilder restriction = new StringBuilder();
            int last = 0;
            for (Token token : Token.of(where)) {
                String text = token.text();
                if (text.length() > 1 && text.charAt(0) == '?' && text.substring(1).chars().allMatch(Character::isDigit)) {
                    String name = "fileCleanupOrdinal" + text.substring(1);
                    restriction.append(where, last, token.start()).append(':').append(name);
                    last = token.end();
                    parameters.add(name, Integer.valueOf(text.substring(1)));
                } else if (text.length() > 1 && text.charAt(0) == ':') {
                    parameters.add(text.substring(1), null);
                }
            }
            select.append(" where ").append(restriction).append(where.substring(last));
        }
        return select.toString();
    }

    private static String word(List<Token> tokens, int k) {
        return k < tokens.size() ? tokens.get(k).text() : "";
    }

    /** One token: a word, a parameter, a string literal, a parenthesis or another character. */
    record Token(String text, int start, int end, int depth) {
        boolean top() {
            return depth == 0;
        }

        static List<Token> of(String s) {
            List<Token> tokens = new ArrayList<>();
            int depth = 0;
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                int end = i + 1;
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                } else if (c == '\'') {
                    end = literalEnd(s, end);
                } else if (c == '(') {
                    tokens.add(new Token("(", i, end, depth++));
                    i = end;
                    continue;
                } else if (c == ')') {
                    depth--;
                } else if (Character.isJavaIdentifierPart(c) || c == '.' || c == ':' || c == '?') {
                    while (end < s.length() && (Character.isJavaIdentifierPart(s.charAt(end)) || s.charAt(end) == '.')) {
                        end++;
                    }
                }
                tokens.add(new Token(s.substring(i, end), i, end, depth));
                i = end;
            }
            return tokens;
        }

        /** The end of a string literal whose text starts at {@code from}; a doubled quote is a quote. */
        private static int literalEnd(String s, int from) {
            int end = from;
            while (end < s.length()) {
                if (s.charAt(end) == '\'' && (end + 1 == s.length() || s.charAt(end + 1) != '\'')) {
                    return end + 1;
                }
                end += s.charAt(end) == '\'' ? 2 : 1;
            }
            return end;
        }
    }
}
