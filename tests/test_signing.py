from pipeline.client.signing import Signer, compute_sign

PUBLIC_KEY = "rLkIPaQjxSwRQmC/ITnHh8i2rifmmbFIVsYw03SSi24zAnkrAd0ZNb2rcTzI2avy7+AmNJDdLmzU89zKUAP3Xg=="


def test_public_vector_from_baijiayun_docs():
    params = {
        "end_time": 1501579208,
        "partner_id": 12345678,
        "start_time": 1501575608,
        "timestamp": 1501572288,
        "title": "测试教室",
        "type": 2,
    }

    assert compute_sign(params, PUBLIC_KEY) == "5b78486597c679b0c6256da014af1260"


def test_sign_entry_is_not_signed():
    params = {"partner_id": 1, "timestamp": 1501572288}

    assert compute_sign({**params, "sign": "whatever"}, "k") == compute_sign(params, "k")


def test_keys_sorted_by_byte_order():
    # Upper-case letters sort before lower-case ones in byte order.
    forward = compute_sign({"b": "1", "B": "2", "a": "3"}, "k")
    backward = compute_sign({"a": "3", "B": "2", "b": "1"}, "k")

    assert forward == backward


def test_signer_adds_common_parameters():
    signer = Signer("37102096", "secret-key", clock=lambda: 1_700_000_000.987)

    sent = signer.sign({"room_id": "18020796069152", "teacher_name": None})

    assert sent["partner_id"] == "37102096"
    assert sent["timestamp"] == "1700000000"
    assert "teacher_name" not in sent
    assert sent["sign"] == compute_sign({k: v for k, v in sent.items() if k != "sign"}, "secret-key")


def test_signer_repr_hides_key():
    signer = Signer("1", "secret-key")

    assert "secret-key" not in repr(signer)
