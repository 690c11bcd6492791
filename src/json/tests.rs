use super::reader::{find_special, same};
use super::*;

fn skip_all(text: &[u8]) -> Result<()> {
    let mut r = Reader::new(text);
    r.skip()?;
    r.end()
}

#[test]
fn accepts_what_serde_json_accepts() {
    let cases: &[&[u8]] = &[
        b"{}",
        b" [ 1 , -0 , 0.5 , 1e5 , 1E-5 , -12.5e+3 ] ",
        b"\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"",
        "\"h\u{e9}llo \u{1F600} \u{7FF} \u{FFFF}\"".as_bytes(),
        b"{\"a\":{\"b\":[true,false,null]}}",
        b"\"0123456789abcdefghij\\\"klmnop\"",
    ];
    for case in cases {
        let ours = skip_all(case).is_ok();
        let theirs = serde_json::from_slice::<serde_json::Value>(case).is_ok();
        assert!(ours && theirs, "{}", String::from_utf8_lossy(case));
    }
}

#[test]
fn refuses_what_serde_json_refuses_with_the_same_class() {
    let cases: &[&[u8]] = &[
        b"",
        b"{",
        b"[1,]",
        b"{\"a\":1,}",
        b"{\"a\" 1}",
        b"{1:1}",
        b"01",
        b"1.",
        b"-",
        b"1e",
        b".5",
        b"NaN",
        b"nul",
        b"tru",
        b"[1 2]",
        b"\"abc",
        b"\"a\x01b\"",
        b"\"\\x\"",
        b"\"\\u12\"",
        b"\"\\ud800\"",
        b"\"\\udc00\"",
        b"\"\\ud800\\u0041\"",
        b"\"\xff\"",
        b"\"\xc0\xaf\"",
        b"\"\xed\xa0\x80\"",
        b"\"\xe2\x82\"",
        b"{} x",
        b"[\"\xf0\x9f\x98\"]",
    ];
    for case in cases {
        let ours = skip_all(case).unwrap_err();
        let theirs = serde_json::from_slice::<serde_json::Value>(case).unwrap_err();
        let class = if theirs.is_eof() {
            Class::Eof
        } else {
            Class::Syntax
        };
        assert_eq!(
            ours.class(),
            class,
            "{} ({ours:?} vs {theirs})",
            String::from_utf8_lossy(case)
        );
    }
}

#[test]
fn nesting_stops_where_decoding_does() {
    for depth in [126, 127, 128, 129] {
        let text = "[".repeat(depth) + &"]".repeat(depth);
        let ours = skip_all(text.as_bytes()).is_ok();
        let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
        assert_eq!(ours, theirs, "depth {depth}");
    }
}

#[test]
fn special_bytes_are_found_in_every_lane() {
    for at in 0..20 {
        for special in [b'"', b'\\', 0x1F, 0x80, 0xFF] {
            let mut bytes = vec![b'a'; 20];
            bytes[at] = special;
            assert_eq!(find_special(&bytes, 0), at);
        }
    }
    assert_eq!(find_special(b"abcdefghijk", 0), 11);
    assert_eq!(
        find_special(&[0x20, 0x7F, b'!', b'#', b'[', b']', 0x21, 0x5B, 0x5D], 0),
        9
    );
}

#[test]
fn numbers_that_overflow_a_double_are_told_apart_exactly() {
    for finite in [
        "0",
        "-0",
        "1e308",
        "1.7976931348623157e308",
        "17976931348623158e292",
        "0.0000e99999",
        "1e-99999",
        "-1.5",
        "123456789012345678901234567890",
    ] {
        assert!(is_finite_in_js(finite.as_bytes()), "{finite}");
    }
    for infinite in ["1e309", "1e400", "-1e400", "1.7976931348623159e308", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792", "0.1e310", "1e99999999999999999999999"] {
        assert!(!is_finite_in_js(infinite.as_bytes()), "{infinite}");
    }
    // One below the midpoint rounds down to f64::MAX.
    assert!(is_finite_in_js(b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791"));
    for n in [
        "1e308",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "2e308",
        "0.5e309",
    ] {
        assert_eq!(
            is_finite_in_js(n.as_bytes()),
            n.parse::<f64>().unwrap().is_finite(),
            "{n}"
        );
    }
}

#[test]
fn integers_keep_their_range_exact() {
    let int = |text: &str| Reader::new(text.as_bytes()).integer(-9, 9_007_199_254_740_991, "n");
    assert_eq!(int("9007199254740991").unwrap(), 9_007_199_254_740_991);
    assert_eq!(int("0").unwrap(), 0);
    // -0 is no integer to serde (it reads a float), nor to JSON.parse's sign.
    for bad in [
        "9007199254740992",
        "1.0",
        "1e2",
        "-10",
        "99999999999999999999999",
        "\"1\"",
        "true",
        "-0",
    ] {
        assert_eq!(int(bad).unwrap_err().class(), Class::Data, "{bad}");
    }
    // RFC 8259 allows no leading zeros.
    for bad in ["01", "-01", "00"] {
        assert_eq!(int(bad).unwrap_err().class(), Class::Syntax, "{bad}");
    }
}

#[test]
fn strings_unescape_and_compare() {
    let s = Reader::new(br#""i\u0064""#).string("s").unwrap();
    assert!(s.is("id") && s.has_escapes());
    let s = Reader::new(br#""\ud83d\ude00 \n\"""#).string("s").unwrap();
    assert_eq!(s.value(), "\u{1F600} \n\"");
}

#[test]
fn peeks_fields_of_an_object() {
    let found = peek_fields(
        br#"{"a":"x","b":{"c":1},"c":5,"z":[1]}"#,
        &["a", "b", "c", "d"],
    )
    .unwrap();
    assert_eq!(
        found,
        [
            Peeked::Text("x".into()),
            Peeked::Object(br#"{"c":1}"#),
            Peeked::Other,
            Peeked::Absent
        ]
    );
    assert!(peek_fields(br#"{"a":1,"a":2}"#, &["a"]).is_none());
    assert!(peek_fields(b"[1]", &["a"]).is_none());
    assert!(peek_fields(b"{} x", &["a"]).is_none());
}

#[test]
fn finds_raw_fields_and_elements() {
    let body = br#" { "orders" : [ {"id":1} , 2 ,"x" ] , "n": 1 , "orders": [ 3 ] } "#;
    assert_eq!(raw_field(body, "n"), Some(&b"1"[..]));
    // The last of a repeated key, as JSON.parse reads it.
    assert_eq!(raw_field(body, "orders"), Some(&b"[ 3 ]"[..]));
    assert_eq!(raw_field(body, "absent"), None);
    assert_eq!(raw_field(b"[1]", "n"), None);
    assert_eq!(raw_field(br#"{"n":1} x"#, "n"), None);
    let items = raw_elements(br#"[ {"id":1} , 2 ,"x" ]"#).unwrap();
    assert_eq!(items, [&br#"{"id":1}"#[..], b"2", br#""x""#]);
    assert_eq!(raw_elements(b"[]").unwrap().len(), 0);
    assert!(raw_elements(b"{}").is_none());
}

#[test]
fn key_tables_sort_by_bytes_at_compile_time() {
    const KEYS: KeyTable = KeyTable::new(&["b", "C", "a", "ab"], 0b1111);
    assert_eq!(KEYS.sorted[..4], [1, 2, 3, 0]); // "C" < "a" < "ab" < "b"
    assert_eq!(KEYS.rank[..4], [3, 0, 1, 2]);
    assert_eq!(KEYS.sorted_after(None), Some(1));
    assert_eq!(KEYS.sorted_after(Some(1)), Some(2));
    assert_eq!(KEYS.sorted_after(Some(0)), None);
}

/// One object of `keys`, each value a digit: which fields were read, with their values.
fn read_digits(keys: &KeyTable, text: &[u8]) -> Result<Vec<(usize, i64)>> {
    let mut got = Vec::new();
    let mut r = Reader::new(text);
    read_fields(
        &mut r,
        "an object",
        keys,
        UnknownKeys::Keep,
        FieldValues::Read(&mut |r, i| {
            got.push((i, r.integer(0, 9, "a digit")?));
            Ok(())
        }),
    )?;
    r.end()?;
    Ok(got)
}

#[test]
fn fields_dispatch_the_same_in_any_key_order() {
    const KEYS: KeyTable = KeyTable::new(&["b", "C", "a", "ab"], 0b0111);
    let read = |text: &[u8]| read_digits(&KEYS, text);
    let documented = read(br#"{"b":0,"C":1,"a":2,"ab":3}"#).unwrap();
    assert_eq!(documented, [(0, 0), (1, 1), (2, 2), (3, 3)]);
    assert_eq!(
        read(br#"{"C":1,"a":2,"ab":3,"b":0}"#).unwrap(),
        [(1, 1), (2, 2), (3, 3), (0, 0)]
    );
    assert_eq!(
        read(br#"{"a":2,"x":5,"b":0,"C":1}"#).unwrap(),
        [(2, 2), (0, 0), (1, 1)]
    );
    assert_eq!(
        read(br#"{"C":1,"a":2,"a":2,"b":0}"#).unwrap_err().path(),
        "a"
    );
    assert_eq!(
        read(br#"{"C":1,"ab":3,"b":0}"#).unwrap_err().message(),
        "missing field `a`"
    );
}

#[test]
fn quoted_strings_read_back() {
    for text in [
        "plain",
        "quote \" and \\ back",
        "line\nbreak\ttab\u{1}\u{1F}",
        "h\u{e9}llo \u{1F600}",
    ] {
        assert_eq!(serde_json::from_str::<String>(&quote(text)).unwrap(), text);
    }
}

#[test]
fn key_comparison_is_byte_equality_at_every_length() {
    let name: Vec<u8> = (b'a'..=b'z').collect();
    for n in 0..=name.len() {
        let a = &name[..n];
        assert!(same(a, a), "length {n}");
        assert!(!same(a, &name[..n.saturating_sub(1)]) || n == 0);
        for i in 0..n {
            let mut other = a.to_vec();
            other[i] ^= 0x20;
            assert!(!same(a, &other), "length {n}, byte {i}");
        }
    }
}

#[test]
fn compact_and_spaced_keys_read_alike() {
    // Names of every length class the comparison has: under 4, 4-7, 8, 9-16, over 16.
    const NAMES: [&str; 7] = [
        "a",
        "abc",
        "abcd",
        "abcdefg",
        "abcdefgh",
        "abcdefghi",
        "abcdefghijklmnopq",
    ];
    const KEYS: KeyTable = KeyTable::new(&NAMES, 0b111_1111);
    let read = |text: &str| {
        read_digits(&KEYS, text.as_bytes()).map_err(|e| (e.message().to_owned(), e.path()))
    };
    let object = |names: &[String], space: &str| {
        let fields: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, name)| format!("{space}\"{name}\"{space}:{space}{}", i % 10))
            .collect();
        format!("{{{}{space}}}", fields.join(&format!("{space},")))
    };
    let documented: Vec<String> = NAMES.iter().map(|n| n.to_string()).collect();
    let expected: Vec<(usize, i64)> = (0..NAMES.len()).map(|i| (i, i as i64)).collect();
    assert_eq!(read(&object(&documented, "")), Ok(expected.clone()));
    assert_eq!(read(&object(&documented, " ")), Ok(expected));
    // A key one byte off, or one byte longer or shorter, is not the expected one.
    for (k, name) in NAMES.iter().enumerate() {
        let variants = [
            format!("{name}x"),
            name[..name.len() - 1].to_string(),
            format!("{}X", &name[..name.len() - 1]),
            format!("X{}", &name[1..]),
        ];
        for variant in variants {
            let mut names = documented.clone();
            names[k] = variant.clone();
            let compact = read(&object(&names, ""));
            assert_eq!(compact, read(&object(&names, "\n")), "{variant}");
            assert!(compact.is_err(), "{variant}");
        }
    }
    // A repeat is refused and a missing colon is a syntax error either way.
    let mut repeated = documented.clone();
    repeated.insert(3, "abc".into());
    assert_eq!(
        read(&object(&repeated, "")),
        Err(("duplicate field `abc`".into(), "abc".into()))
    );
    assert_eq!(read(&object(&repeated, " ")), read(&object(&repeated, "")));
    assert_eq!(
        read(r#"{"a":0,"abc"1}"#).map_err(|e| e.0),
        Err("expected `:`".into())
    );
    assert_eq!(
        read(r#"{"a" 0}"#).map_err(|e| e.0),
        Err("expected `:`".into())
    );
}
