def test_sample_article_validates_against_the_spec(client, sample_text):
    response = client.post("/v1/enrich", data=sample_text.encode(), content_type="text/plain")
    assert response.status_code == 200
    assert len(response.json["entities"]) >= 20
