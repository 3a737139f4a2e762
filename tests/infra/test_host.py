"""Files and units the deploy leaves on the host."""


def test_env_file_is_readable_by_root_only(host, settings):
    env = host.file(settings["goban_env_file"])

    assert env.is_file
    assert env.user == "root"
    assert env.group == "root"
    assert env.mode == 0o600


def test_env_file_has_generated_secrets(host, settings):
    # Reading the file needs root. The check counts the set values and prints none.
    result = host.run(
        f"grep -cE '^(GOBAN_SECRET_KEY|POSTGRES_PASSWORD)=.{{32,}}$' {settings['goban_env_file']}"
    )

    assert result.stdout.strip() == "2"


def test_private_key_is_readable_by_root_only(host, settings):
    key = host.file(f"{settings['goban_tls_dir']}/privkey.pem")

    assert key.user == "root"
    assert key.mode == 0o600


def test_current_release_folder_is_complete(host, settings):
    current = host.file(settings["goban_current_link"])

    assert current.is_symlink
    assert host.file(f"{current.linked_to}/{settings['goban_release_marker']}").is_file
    assert host.file(f"{current.linked_to}/{settings['goban_compose_file']}").is_file


def test_backup_timer_is_enabled(host, settings):
    timer = host.service(f"{settings['goban_compose_project']}-backup.timer")

    assert timer.is_enabled


def test_backup_folder_is_readable_by_root_only(host, settings):
    folder = host.file(settings["backup_dir"])

    assert folder.is_directory
    assert folder.mode == 0o700
