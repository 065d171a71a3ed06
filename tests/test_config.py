import pytest

from pipeline.config import load_settings
from pipeline.errors import ConfigError


def test_flags_beat_environment_beat_file(tmp_path):
    config = tmp_path / "paike.toml"
    config.write_text('partner_id = "1"\nbase_url = "http://file"\nworkers = 2\nstate_dir = "/from/file"\n', encoding="utf-8")
    environ = {"PAIKE_PARTNER_ID": "2", "PAIKE_BASE_URL": "http://env"}

    settings = load_settings({"base_url": "http://flag"}, environ, config)

    assert settings.base_url == "http://flag"
    assert settings.partner_id == "2"
    assert settings.workers == 2
    assert settings.state_dir == "/from/file"


def test_config_path_from_environment(tmp_path):
    config = tmp_path / "paike.toml"
    config.write_text('[paike]\nprivate_domain = "school"\n', encoding="utf-8")

    settings = load_settings({}, {"PAIKE_CONFIG": str(config)})

    assert settings.endpoint == "https://school.at.baijiayun.com"


def test_base_url_wins_over_domain():
    settings = load_settings({}, {"PAIKE_PRIVATE_DOMAIN": "school", "PAIKE_BASE_URL": "http://127.0.0.1:8000/"})

    assert settings.endpoint == "http://127.0.0.1:8000"


@pytest.mark.parametrize(
    ("environ", "key"),
    [
        ({"PAIKE_PARTNER_KEY": "k", "PAIKE_BASE_URL": "http://x"}, "config.missing_partner_id"),
        ({"PAIKE_PARTNER_ID": "1", "PAIKE_BASE_URL": "http://x"}, "config.missing_partner_key"),
        ({"PAIKE_PARTNER_ID": "1", "PAIKE_PARTNER_KEY": "k"}, "config.missing_endpoint"),
        ({"PAIKE_PARTNER_ID": "abc", "PAIKE_PARTNER_KEY": "k", "PAIKE_BASE_URL": "http://x"}, "config.bad_partner_id"),
        ({"PAIKE_PARTNER_ID": "1", "PAIKE_PARTNER_KEY": "k", "PAIKE_BASE_URL": "ftp://x"}, "config.bad_base_url"),
    ],
)
def test_missing_or_bad_credentials(environ, key):
    with pytest.raises(ConfigError) as raised:
        load_settings({}, environ).require_credentials()

    assert raised.value.message_key == key


def test_invalid_toml_names_the_file(tmp_path):
    config = tmp_path / "paike.toml"
    config.write_text("partner_id = \n", encoding="utf-8")

    with pytest.raises(ConfigError) as raised:
        load_settings({}, {}, config)

    assert str(config) in raised.value.message


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError) as raised:
        load_settings({}, {}, tmp_path / "nope.toml")

    assert raised.value.message_key == "config.file_not_found"


def test_number_setting_must_be_numeric():
    with pytest.raises(ConfigError) as raised:
        load_settings({}, {"PAIKE_WORKERS": "many"})

    assert "workers" in raised.value.message


def test_repr_hides_partner_key():
    settings = load_settings({}, {"PAIKE_PARTNER_KEY": "very-secret"})

    assert "very-secret" not in repr(settings)
    assert "[secure]" in repr(settings)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ('mode = "fast"', "mode"),
        ("read_timeout = -1", "read_timeout"),
        ("rate_limit_calls = 0", "rate_limit_calls"),
        ("rate_limit_calls = 500", "rate_limit_calls"),
        ("rate_limit_seconds = 0", "rate_limit_seconds"),
        ("workers = 0", "workers"),
        ("workers = 1000", "workers"),
        ("delete_guard_ratio = 5", "delete_guard_ratio"),
        ("delete_guard_min = -3", "delete_guard_min"),
    ],
)
def test_out_of_range_setting_names_it(tmp_path, line, name):
    config = tmp_path / "paike.toml"
    config.write_text(line + "\n", encoding="utf-8")

    with pytest.raises(ConfigError) as raised:
        load_settings({}, {}, config)

    assert raised.value.params["name"] == name


def test_unknown_key_in_file_is_named(tmp_path):
    config = tmp_path / "paike.toml"
    config.write_text('partner_idd = "1"\n', encoding="utf-8")

    with pytest.raises(ConfigError) as raised:
        load_settings({}, {}, config)

    assert "partner_idd" in raised.value.message
