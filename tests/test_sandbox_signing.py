from sandbox.signing import compute_sign, sign_matches

# The example from Baijiayun's public signing description.
VECTOR_PARAMS = {
    "end_time": "1501579208",
    "partner_id": "12345678",
    "start_time": "1501575608",
    "timestamp": "1501572288",
    "title": "测试教室",
    "type": "2",
}
VECTOR_KEY = "rLkIPaQjxSwRQmC/ITnHh8i2rifmmbFIVsYw03SSi24zAnkrAd0ZNb2rcTzI2avy7+AmNJDdLmzU89zKUAP3Xg=="
VECTOR_SIGN = "5b78486597c679b0c6256da014af1260"


def test_sign_matches_public_vector():
    assert compute_sign(VECTOR_PARAMS, VECTOR_KEY) == VECTOR_SIGN


def test_sign_ignores_sign_param_and_order():
    shuffled = dict(reversed(list(VECTOR_PARAMS.items())))
    shuffled["sign"] = "whatever"

    assert compute_sign(shuffled, VECTOR_KEY) == VECTOR_SIGN


def test_sign_matches_accepts_only_exact_lowercase():
    assert sign_matches({**VECTOR_PARAMS, "sign": VECTOR_SIGN}, VECTOR_KEY)
    assert not sign_matches({**VECTOR_PARAMS, "sign": VECTOR_SIGN.upper()}, VECTOR_KEY)
    assert not sign_matches({**VECTOR_PARAMS, "sign": VECTOR_SIGN}, VECTOR_KEY + "x")
    assert not sign_matches(VECTOR_PARAMS, VECTOR_KEY)


def test_sign_uses_raw_values_not_url_encoded():
    encoded = {**VECTOR_PARAMS, "title": "%E6%B5%8B%E8%AF%95%E6%95%99%E5%AE%A4"}

    assert compute_sign(encoded, VECTOR_KEY) != VECTOR_SIGN
