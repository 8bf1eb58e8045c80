package io.ocmj.policy.rego;

import io.ocmj.policy.rego.RegoValue.RArray;
import io.ocmj.policy.rego.RegoValue.RBool;
import io.ocmj.policy.rego.RegoValue.RNumber;
import io.ocmj.policy.rego.RegoValue.RObject;
import io.ocmj.policy.rego.RegoValue.RSet;
import io.ocmj.policy.rego.RegoValue.RString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** OPA's total order of values (ast.Compare), which also decides how sets and objects print. */
final class RegoOrder {
  private RegoOrder() {}

  static int compare(RegoValue a, RegoValue b) {
    int byType = Integer.compare(rank(a), rank(b));
    if (byType != 0) {
      return byType;
    }
    if (a instanceof RBool x) {
      return Boolean.compare(x.value(), ((RBool) b).value());
    }
    if (a instanceof RNumber x) {
      return x.decimal().compareTo(((RNumber) b).decimal());
    }
    if (a instanceof RString x) {
      return compareUtf8(x.value(), ((RString) b).value());
    }
    if (a instanceof RArray x) {
      return compareSequences(x.items().iterator(), ((RArray) b).items().iterator());
    }
    if (a instanceof RObject x) {
      return compareObjects(x, (RObject) b);
    }
    if (a instanceof RSet x) {
      return compareSequences(x.members().iterator(), ((RSet) b).members().iterator());
    }
    return 0;
  }

  /** Type precedence: null < boolean < number < string < array < object < set. */
  private static int rank(RegoValue v) {
    if (v instanceof RegoValue.RNull) {
      return 0;
    }
    if (v instanceof RBool) {
      return 1;
    }
    if (v instanceof RNumber) {
      return 2;
    }
    if (v instanceof RString) {
      return 3;
    }
    if (v instanceof RArray) {
      return 4;
    }
    return v instanceof RObject ? 5 : 6;
  }

  /** Go compares strings bytewise in UTF-8, which is code point order, not UTF-16 order. */
  static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private static int compareSequences(Iterator<RegoValue> a, Iterator<RegoValue> b) {
    while (a.hasNext() && b.hasNext()) {
      int c = compare(a.next(), b.next());
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(a.hasNext(), b.hasNext());
  }

  /** Objects compare their sorted keys first, then the values of equal keys, then size. */
  private static int compareObjects(RObject a, RObject b) {
    Iterator<Map.Entry<RegoValue, RegoValue>> x = a.entries().entrySet().iterator();
    Iterator<Map.Entry<RegoValue, RegoValue>> y = b.entries().entrySet().iterator();
    while (x.hasNext() && y.hasNext()) {
      Map.Entry<RegoValue, RegoValue> ex = x.next();
      Map.Entry<RegoValue, RegoValue> ey = y.next();
      int c = compare(ex.getKey(), ey.getKey());
      if (c == 0) {
        c = compare(ex.getValue(), ey.getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(x.hasNext(), y.hasNext());
  }

  static String join(String open, Iterable<RegoValue> values, String close) {
    List<String> parts = new ArrayList<>();
    for (RegoValue v : values) {
      parts.add(v.toString());
    }
    return open + String.join(", ", parts) + close;
  }
}
